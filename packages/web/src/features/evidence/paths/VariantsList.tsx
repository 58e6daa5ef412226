import type { CaseDurations, Paths } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { formatMs } from "../map/formatMs.js";
import styles from "./Paths.module.css";

/**
 * The most common journeys through the data, each as its sequence of steps with customers and share and, once the
 * case durations have come, how long it takes from first to last event; then the rest.
 */
export function VariantsList({ paths, durations }: { paths: Paths; durations?: CaseDurations }) {
  const { t, dir, formatNumber, locale } = useI18n();
  const durationOf = new Map(durations?.variants.map((v) => [v.nodes.join("\u0000"), v.duration]));
  const span = (d: { medianMs: number | null; p90Ms: number | null }) => ({
    median: d.medianMs === null ? "—" : formatMs(d.medianMs, locale),
    p90: d.p90Ms === null ? "—" : formatMs(d.p90Ms, locale),
  });
  const label = new Map(paths.nodes.map((n) => [n.id, n.label]));
  const { items, others, distinct } = paths.variants;
  if (items.length === 0) return <p className={styles.muted}>{t("evidence.paths.noVariants")}</p>;
  const top = Math.max(1, ...items.map((v) => v.customers));
  const pct = (v: number | null) =>
    v === null ? "—" : formatNumber(v, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className={styles.variants}>
      <p className={styles.muted}>{t("evidence.paths.distinct", { count: distinct })}</p>
      {durations && durations.cases.count > 0 && (
        <p className={styles.muted} data-testid="case-durations">
          {t("processMap.duration.all", { count: durations.cases.count, ...span(durations.cases) })}
        </p>
      )}
      <ol className={styles.variantList} data-testid="variants">
        {items.map((v, i) => (
          <li key={i} className={styles.variant} data-testid="variant" data-customers={v.customers}>
            <span
              className={styles.variantBar}
              style={{ inlineSize: `${(v.customers / top) * 100}%` }}
              aria-hidden="true"
            />
            <span className={styles.variantPath}>
              {v.nodes.map((n, j) => (
                <span key={j}>
                  {j > 0 && <span className={styles.arrow}>{dir === "rtl" ? " ← " : " → "}</span>}
                  <bdi>{label.get(n) ?? n}</bdi>
                </span>
              ))}
            </span>
            <span className={styles.variantCount}>
              {t("evidence.paths.customers", { count: v.customers })} · {pct(v.share)}
              {durationOf.has(v.nodes.join("\u0000")) && (
                <span className={styles.variantDuration} data-testid="variant-duration">
                  {t("processMap.duration.variant", span(durationOf.get(v.nodes.join("\u0000"))!))}
                </span>
              )}
            </span>
          </li>
        ))}
        {others.customers > 0 && (
          <li className={styles.variant} data-testid="variant-others" data-customers={others.customers}>
            <span className={styles.variantPath}>{t("evidence.paths.others", { count: others.variants })}</span>
            <span className={styles.variantCount}>{t("evidence.paths.customers", { count: others.customers })}</span>
          </li>
        )}
      </ol>
    </div>
  );
}
