import type { DriftMeasurement } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import { formatMs } from "../evidence/map/formatMs.js";
import styles from "./Drift.module.css";

/** One drifted measure as a sentence with its numbers: what, from → to, the change, the samples and the p-value. */
export function DriftMeasureLine({ m }: { m: DriftMeasurement }) {
  const { t, formatNumber, locale } = useI18n();
  const time = m.measure === "medianTime";
  const value = (v: number | null) =>
    v === null ? "—" : time ? formatMs(v, locale) : formatNumber(v, { style: "percent", maximumFractionDigits: 1 });
  const signed = { signDisplay: "exceptZero" } as const;
  let change = "—";
  if (m.change !== null && time && m.before.value)
    change = formatNumber(m.change / m.before.value, { ...signed, style: "percent", maximumFractionDigits: 0 });
  else if (m.change !== null && !time)
    change = t("drift.change.points", {
      change: formatNumber(m.change * 100, { ...signed, maximumFractionDigits: 1 }),
    });
  const sampleKey = time
    ? "drift.sample.converted"
    : m.measure === "negativeShare"
      ? "drift.sample.texts"
      : "drift.sample.customers";
  return (
    <li
      className={styles.measure}
      data-testid="drift-measure"
      data-measure={m.measure}
      data-better={m.better ?? undefined}
    >
      <strong>{t(`drift.measure.${m.measure}`)}</strong>{" "}
      <span className={m.better ? styles.better : styles.worse}>
        {t("drift.move", { before: value(m.before.value), after: value(m.after.value), change })}{" "}
        {m.better !== null && t(m.better ? "drift.better" : "drift.worse")}
      </span>
      <span className={styles.meta}>
        {t(sampleKey, { before: formatNumber(m.before.sample), after: formatNumber(m.after.sample) })}
        {m.pValue !== null && ` · ${t("drift.pValue", { p: formatNumber(m.pValue, { maximumSignificantDigits: 2 }) })}`}
      </span>
    </li>
  );
}
