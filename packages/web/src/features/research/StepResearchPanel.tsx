import type { MapJourneyStep, MapResearchQuote, UnmappedJourneyStep } from "@opencjm/core";
import { useId } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { sentimentBucket } from "./sentimentBucket.js";
import { StepJourneySummary } from "./StepJourneySummary.js";
import styles from "./Research.module.css";

/**
 * The side panel of one step's research: how many participants went through it and how they felt, the steps they
 * took after it that the map lacks, and its highlights — each with its participant's code, words, study, sentiment
 * and tags.
 */
export function StepResearchPanel({
  workspaceId,
  mapId,
  label,
  quotes,
  journey,
  participants,
  lacking,
  onClose,
}: {
  workspaceId: string;
  mapId: string;
  stepId: string;
  label: string;
  quotes: readonly MapResearchQuote[];
  journey: MapJourneyStep | undefined;
  participants: number;
  lacking: readonly UnmappedJourneyStep[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <aside
      className={styles.panel}
      aria-labelledby={titleId}
      data-testid="step-research-panel"
      onKeyDown={(e) => e.key === "Escape" && !e.defaultPrevented && onClose()}
    >
      <header className={styles.panelHead}>
        <h2 id={titleId}>{t("research.step.title", { label })}</h2>
        <button type="button" className={styles.close} aria-label={t("research.close")} onClick={onClose} autoFocus>
          ×
        </button>
      </header>
      <div className={styles.panelBody}>
        {participants > 0 && (
          <StepJourneySummary
            workspaceId={workspaceId}
            mapId={mapId}
            journey={journey}
            participants={participants}
            lacking={lacking}
          />
        )}
        <p className={styles.muted}>{t("research.step.count", { count: quotes.length })}</p>
        <ul className={styles.list}>
          {quotes.map((q) => (
            <li key={q.highlightId} className={styles.item} data-testid="step-research-quote">
              <strong data-testid="step-research-participant">
                <bdi>{q.participantCode ?? t("research.note.noParticipant")}</bdi>
              </strong>
              <blockquote className={styles.quote} dir="auto" lang={q.language || undefined}>
                {q.text}
              </blockquote>
              <span className={styles.meta}>
                <bdi>{q.studyTitle}</bdi>
                {" · "}
                {t(`research.highlight.kind.${q.kind}`)}
                {" · "}
                {t(`research.sentiment.${sentimentBucket(q.sentiment)}`)}
              </span>
              {q.tags.length > 0 && (
                <div>
                  {q.tags.map((tag) => (
                    <span key={tag} className={styles.tag}>
                      <bdi>{tag}</bdi>
                    </span>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
        <Link href="/research/search">{t("research.step.searchAll")}</Link>
      </div>
    </aside>
  );
}
