import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { stepQuotesQuery } from "./researchQueries.js";
import { highlightHref, participantHref } from "./researchLinks.js";
import { sentimentBucket } from "./sentimentBucket.js";
import styles from "./Research.module.css";

/**
 * A step's research quotes in its panel, newest first: the first page loads when the panel opens, "Show more" the
 * next (a step of a large study holds thousands, which the map itself never loads). Each shows its participant's
 * code (a link to them in their study), words, study, kind, sentiment and tags, and opens its note at the highlight.
 */
export function StepQuoteList({
  workspaceId,
  mapId,
  stepId,
  count,
}: {
  workspaceId: string;
  mapId: string;
  stepId: string;
  /** How many highlights the step has, from the map's research summary. */
  count: number;
}) {
  const { t } = useI18n();
  const pages = useInfiniteQuery(stepQuotesQuery(workspaceId, mapId, stepId));
  const quotes = pages.data?.pages.flatMap((p) => p.quotes) ?? [];
  return (
    <>
      <p className={styles.muted}>{t("research.step.count", { count })}</p>
      {pages.isPending && count > 0 && (
        <p className={styles.muted} role="status">
          {t("research.step.loading")}
        </p>
      )}
      {pages.isError && (
        <p className={styles.muted} role="alert">
          {t("research.step.loadFailed")}
        </p>
      )}
      <ul className={styles.list}>
        {quotes.map((q) => (
          <li key={q.highlightId} className={styles.item} data-testid="step-research-quote">
            <strong data-testid="step-research-participant">
              {q.participantId ? (
                <Link href={participantHref(q.studyId, q.participantId)}>
                  <bdi>{q.participantCode ?? t("research.note.noParticipant")}</bdi>
                </Link>
              ) : (
                <bdi>{t("research.note.noParticipant")}</bdi>
              )}
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
              {" · "}
              <Link href={highlightHref(q.noteId, q.highlightId)} data-testid="step-research-to-note">
                {t("research.search.toNote")}
              </Link>
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
      {pages.hasNextPage && (
        <Button
          size="small"
          data-testid="step-research-more"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t("research.step.showMore")}
        </Button>
      )}
    </>
  );
}
