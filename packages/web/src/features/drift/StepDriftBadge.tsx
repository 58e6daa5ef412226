import * as Popover from "@radix-ui/react-popover";
import { useContext } from "react";
import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider.js";
import { DriftMeasureLine } from "./DriftMeasureLine.js";
import { StepDriftContext } from "./StepDriftContext.js";
import styles from "./Drift.module.css";

/** A step header's drift marker: a button whose popover says what moved there, by how much, with the numbers. */
export function StepDriftBadge({ stepId, label }: { stepId: string; label: string }) {
  const t = useT();
  const drift = useContext(StepDriftContext);
  const step = drift?.flagged.get(stepId);
  if (!drift || !step) return null;
  const name = t("drift.badge.label", { label });
  // The header under the badge would take the click as a selection, a double click as renaming, keys as moves.
  const stop = (e: { stopPropagation(): void }) => e.stopPropagation();
  return (
    <Popover.Root>
      <Popover.Trigger
        className={styles.badge}
        data-testid="step-drift-badge"
        data-better={step.measures.every((m) => m.better) || undefined}
        aria-label={name}
        title={name}
        onClick={stop}
        onDoubleClick={stop}
        onKeyDown={stop}
      >
        <span aria-hidden="true">⚠</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className={styles.popover}
          sideOffset={6}
          collisionPadding={8}
          data-testid="step-drift-popover"
          onKeyDown={stop}
        >
          <h3 className={styles.popoverTitle} dir="auto">
            {t("drift.badge.title", { label })}
          </h3>
          <p className={styles.meta}>{t("drift.badge.periods", { days: drift.periodDays, count: drift.periodDays })}</p>
          <ul className={styles.measures}>
            {step.measures.map((m) => (
              <DriftMeasureLine key={m.measure} m={m} />
            ))}
          </ul>
          <Link href={drift.digestHref} className={styles.link}>
            {t("drift.badge.digest")}
          </Link>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
