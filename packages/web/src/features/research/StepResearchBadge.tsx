import { useContext } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { StepResearchContext } from "./StepResearchContext.js";
import styles from "./Research.module.css";

/**
 * A step header's research at a glance — its count of highlights, how many of the participants went through it
 * ("7/10") and its survey answers — as a button that opens them beside the map; nothing when it has none.
 */
export function StepResearchBadge({ stepId, label }: { stepId: string; label: string }) {
  const { t, formatNumber } = useI18n();
  const research = useContext(StepResearchContext);
  const count = research?.counts.get(stepId) ?? 0;
  const went = research?.journeys.steps.get(stepId)?.participants ?? 0;
  const total = research?.journeys.participants ?? 0;
  const answers = research?.surveyAnswers?.get(stepId) ?? 0;
  if (!research || (count === 0 && went === 0 && answers === 0)) return null;
  const name = [
    count > 0 ? t("research.step.badge", { count, label }) : null,
    went > 0 ? t("researchJourneys.badge", { done: went, count: total, label }) : null,
    answers > 0 ? t("surveys.step.badge", { count: answers, label }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <button
      type="button"
      className={styles.badge}
      data-testid="step-research-badge"
      data-count={count}
      data-participants={went}
      data-survey-answers={answers}
      title={name}
      // The header under the badge would take the click as a selection, a double click as renaming, keys as moves.
      onClick={(e) => {
        e.stopPropagation();
        research.open(stepId, label);
      }}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {/* The name in words for screen readers rather than an aria-label: the figures shown are in it, but not word for
          word once two kinds are shown (axe: label-content-name-mismatch). */}
      <span className="visually-hidden">{name}</span>
      <span aria-hidden="true">
        {count > 0 && (
          <>
            <span aria-hidden="true">🔎</span>
            {formatNumber(count)}
          </>
        )}
        {went > 0 && (
          <span data-testid="step-participants-badge">
            {count > 0 && " "}
            <span aria-hidden="true">👥</span>
            <bdi>{`${formatNumber(went)}/${formatNumber(total)}`}</bdi>
          </span>
        )}
        {answers > 0 && (
          <span data-testid="step-survey-badge">
            {(count > 0 || went > 0) && " "}
            <span aria-hidden="true">📋</span>
            {formatNumber(answers)}
          </span>
        )}
      </span>
    </button>
  );
}
