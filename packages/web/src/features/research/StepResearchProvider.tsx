import type { MapResearchQuote } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useId, useMemo, useState, type ReactNode } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { mapResearchQuery } from "./researchQueries.js";
import { sentimentBucket } from "./sentimentBucket.js";
import { StepResearchContext, type StepResearch } from "./StepResearchContext.js";
import styles from "./Research.module.css";

/** The side panel of one step's highlights: each with its participant's code, words, study, sentiment and tags. */
function StepResearchPanel({
  label,
  quotes,
  onClose,
}: {
  label: string;
  quotes: readonly MapResearchQuote[];
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

/**
 * The research of the map open in the editor: fetches its highlights per step, gives the step headers their counts,
 * and shows one step's highlights in a side panel over the editor (like the comments panel) when a count is opened.
 */
export function StepResearchProvider({
  workspaceId,
  mapId,
  children,
}: {
  workspaceId: string;
  mapId: string;
  children: ReactNode;
}) {
  const research = useQuery(mapResearchQuery(workspaceId, mapId));
  const [target, setTarget] = useState<{ stepId: string; label: string } | null>(null);
  const byStep = useMemo(() => {
    const out = new Map<string, MapResearchQuote[]>();
    for (const quote of research.data?.quotes ?? []) out.set(quote.stepId, [...(out.get(quote.stepId) ?? []), quote]);
    return out;
  }, [research.data]);
  const refetch = research.refetch;
  const open = useCallback(
    (stepId: string, label: string) => {
      setTarget({ stepId, label });
      // Highlights are made on another screen; opening the panel shows the latest.
      void refetch();
    },
    [refetch],
  );
  const value = useMemo<StepResearch>(
    () => ({ counts: new Map([...byStep].map(([stepId, quotes]) => [stepId, quotes.length])), open }),
    [byStep, open],
  );
  return (
    <StepResearchContext.Provider value={value}>
      <div className={styles.host}>
        {children}
        {target && (
          <StepResearchPanel
            label={target.label}
            quotes={byStep.get(target.stepId) ?? []}
            onClose={() => setTarget(null)}
          />
        )}
      </div>
    </StepResearchContext.Provider>
  );
}
