import type { Idea } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { ideaEvidenceQuery } from "./ideasQueries.js";
import { useSeenOnce } from "./useSeenOnce.js";
import styles from "./Ideas.module.css";

/** Whether any link of the idea names a step (an anchored card, cell or step, or a step it changes). */
const hasSteps = (idea: Idea) => [...idea.anchors, ...idea.steps].some((link) => link.stepId !== null && !link.missing);

/**
 * In a backlog row, beside the scores: the evidence at each step the idea is linked to — customers reaching it, how
 * many leave there, their sentiment, the quotes and research notes on the map there. Asked for only once the row
 * comes near the screen (and kept a few minutes), so a backlog of a hundred ideas opens as fast as one of ten.
 */
export function BacklogEvidence({ workspaceId, idea }: { workspaceId: string; idea: Idea }) {
  const { t, formatNumber } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const linked = hasSteps(idea);
  const seen = useSeenOnce(ref);
  const evidence = useQuery({
    ...ideaEvidenceQuery(workspaceId, idea.id),
    enabled: linked && seen,
    staleTime: 5 * 60_000,
  });
  const unknown = t("ideas.evidence.unknown");
  const percent = (rate: number) => formatNumber(rate, { style: "percent", maximumFractionDigits: 0 });
  let body;
  if (!linked) body = <span className={styles.muted}>{t("ideas.backlog.noSteps")}</span>;
  else if (evidence.isError) body = <span className={styles.muted}>{t("ideas.backlog.evidenceFailed")}</span>;
  else if (!evidence.data) body = <span className={styles.muted}>{t("ideas.backlog.measuring")}</span>;
  else if (evidence.data.steps.length === 0)
    body = <span className={styles.muted}>{t("ideas.backlog.noEvidence")}</span>;
  else
    body = (
      <ul className={styles.evidence}>
        {evidence.data.steps.map((s) => (
          <li key={`${s.mapId}:${s.stepId}`}>
            {t("ideas.backlog.evidence", {
              step: s.stepName,
              customers: formatNumber(s.customers),
              dropOff:
                s.dropOff === null
                  ? unknown
                  : s.dropOffRate === null
                    ? formatNumber(s.dropOff)
                    : `${formatNumber(s.dropOff)} (${percent(s.dropOffRate)})`,
              sentiment:
                s.sentiment === null
                  ? unknown
                  : formatNumber(s.sentiment, { maximumFractionDigits: 2, signDisplay: "exceptZero" }),
              quotes: formatNumber(s.quoteCards),
              notes: formatNumber(s.highlightNotes),
            })}
          </li>
        ))}
      </ul>
    );
  return (
    <div ref={ref} data-testid="backlog-evidence">
      {body}
    </div>
  );
}
