import type { CustomerTimeline } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import { conversionWindowText } from "../evidence/conversionWindowText.js";
import styles from "./CustomerTimeline.module.css";

/**
 * The chosen map's steps for one customer: reached (when, and whether they went on within the stated conversion
 * window), skipped or not reached.
 */
export function CustomerMapSteps({ map }: { map: NonNullable<CustomerTimeline["map"]> }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  return (
    <>
      <h2>{t("customerTimeline.mapSteps", { title: map.title })}</h2>
      {/* "Went on" and "left here" are judged within this window. */}
      <p className={styles.muted} data-testid="customer-window">
        {conversionWindowText(i18n, map.conversionWindowHours)}
      </p>
      <ol className={styles.steps} data-testid="customer-map-steps">
        {map.steps.map((step) => (
          <li key={step.stepId} className={styles.step} data-status={step.status} data-step-id={step.stepId}>
            <span dir="auto">
              {step.stageName} · {step.name}
            </span>
            <span className={styles.status}>{t(`customerTimeline.status.${step.status}`)}</span>
            {step.firstAt && (
              <time dateTime={step.firstAt}>
                {formatDate(step.firstAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            )}
            {step.wentOn !== null && (
              <span className={step.wentOn ? styles.muted : styles.left}>
                {t(step.wentOn ? "customerTimeline.wentOn" : "customerTimeline.leftHere")}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
