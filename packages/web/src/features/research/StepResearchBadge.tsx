import { useContext } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { StepResearchContext } from "./StepResearchContext.js";
import styles from "./Research.module.css";

/** A step header's count of research highlights, as a button that opens them beside the map; nothing when none. */
export function StepResearchBadge({ stepId, label }: { stepId: string; label: string }) {
  const { t, formatNumber } = useI18n();
  const research = useContext(StepResearchContext);
  const count = research?.counts.get(stepId) ?? 0;
  if (!research || count === 0) return null;
  const name = t("research.step.badge", { count, label });
  return (
    <button
      type="button"
      className={styles.badge}
      data-testid="step-research-badge"
      data-count={count}
      aria-label={name}
      title={name}
      // The header under the badge would take the click as a selection, a double click as renaming, keys as moves.
      onClick={(e) => {
        e.stopPropagation();
        research.open(stepId, label);
      }}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <span aria-hidden="true">🔎</span>
      {formatNumber(count)}
    </button>
  );
}
