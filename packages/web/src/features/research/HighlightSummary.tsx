import type { Highlight } from "@opencjm/core";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { sentimentBucket } from "./sentimentBucket.js";
import styles from "./Research.module.css";

/**
 * One highlight as a list item: the words (and the team's insight), the participant's code, what it is linked to
 * (a link whose step or card was deleted says so), tags and sentiment. All of it plain text.
 */
export function HighlightSummary({ highlight, children }: { highlight: Highlight; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className={styles.item} data-testid="highlight-item" data-highlight-id={highlight.id}>
      <blockquote className={styles.quote} dir="auto">
        {highlight.text}
      </blockquote>
      {highlight.kind === "insight" && highlight.insight && (
        <p dir="auto">
          <strong>{t("research.highlight.kind.insight")}:</strong> <bdi>{highlight.insight}</bdi>
        </p>
      )}
      <span className={styles.meta}>
        <bdi data-testid="highlight-participant">{highlight.participantCode ?? t("research.note.noParticipant")}</bdi>
        {" · "}
        {t(`research.sentiment.${sentimentBucket(highlight.sentiment)}`)}
        {highlight.anchors.map((a, i) => (
          <span key={i}>
            {" · "}
            <bdi data-missing={a.missing || undefined}>
              {a.missing ? t("research.anchor.missing", { label: a.label }) : a.label}
            </bdi>
          </span>
        ))}
      </span>
      {highlight.tags.length > 0 && (
        <div>
          {highlight.tags.map((tag) => (
            <span key={tag} className={styles.tag}>
              <bdi>{tag}</bdi>
            </span>
          ))}
        </div>
      )}
      {children}
    </li>
  );
}
