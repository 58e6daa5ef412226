import type { MapJourneyStep, UnmappedJourneyStep } from "@opencjm/core";
import { useId } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { StepJourneySummary } from "./StepJourneySummary.js";
import { StepQuoteList } from "./StepQuoteList.js";
import { StepSurveyScores } from "./StepSurveyScores.js";
import styles from "./Research.module.css";

/**
 * The side panel of one step's research: how many participants went through it and how they felt, the steps they
 * took after it that the map lacks, and its highlights, loaded page by page.
 */
export function StepResearchPanel({
  workspaceId,
  mapId,
  stepId,
  label,
  quoteCount,
  journey,
  participants,
  lacking,
  onClose,
}: {
  workspaceId: string;
  mapId: string;
  stepId: string;
  label: string;
  /** How many highlights the step has; they load page by page in the list. */
  quoteCount: number;
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
        <StepSurveyScores workspaceId={workspaceId} mapId={mapId} stepId={stepId} />
        <StepQuoteList workspaceId={workspaceId} mapId={mapId} stepId={stepId} count={quoteCount} />
        <Link href="/research/search">{t("research.step.searchAll")}</Link>
      </div>
    </aside>
  );
}
