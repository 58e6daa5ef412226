import type { KpiBucket, KpiPoint } from "@opencjm/core";
import { useId, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { chartScale, linePath } from "./chartScale.js";
import styles from "./Kpis.module.css";

const BOX = { width: 480, height: 180, pad: 28 };

/**
 * One KPI over time: its line, a dashed target line and the first and last periods and the value range on the axes;
 * the same numbers as a table (a button switches), so screen readers and keyboards get every value.
 */
export function KpiChart({
  name,
  points,
  target,
  bucket,
  format,
}: {
  name: string;
  points: readonly KpiPoint[];
  target: number | null;
  bucket: KpiBucket;
  format: (value: number | null) => string;
}) {
  const { t, dir, formatDate, formatNumber } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const { x, y, min, max } = chartScale(points, target, BOX, dir === "rtl");
  const period = (p: KpiPoint) =>
    formatDate(
      p.start,
      bucket === "month"
        ? { year: "numeric", month: "short", timeZone: "UTC" }
        : { dateStyle: "medium", timeZone: "UTC" },
    );
  const hasValues = points.some((p) => p.value !== null);
  const title = t("kpis.chart.title", { name });
  return (
    <figure aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <button type="button" className={styles.linkButton} onClick={() => setAsTable(!asTable)}>
        {asTable ? t("kpis.chart.showChart") : t("kpis.chart.showTable")}
      </button>
      {!hasValues && <p className={styles.muted}>{t("kpis.chart.empty")}</p>}
      {asTable ? (
        <table className={styles.table} data-testid="kpi-chart-table">
          <caption className={styles.muted}>
            {target !== null && t("kpis.chart.target", { value: format(target) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("kpis.chart.period")}</th>
              <th scope="col">{t("kpis.chart.value")}</th>
              <th scope="col">{t("kpis.chart.sample")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start}>
                <th scope="row">{period(p)}</th>
                <td>{format(p.value)}</td>
                <td>{formatNumber(p.sample)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <svg
          className={styles.chart}
          viewBox={`0 0 ${BOX.width} ${BOX.height}`}
          role="img"
          aria-label={title}
          data-testid="kpi-chart"
        >
          {target !== null && (
            <g data-testid="kpi-chart-target">
              <line className={styles.targetLine} x1={BOX.pad} x2={BOX.width - BOX.pad} y1={y(target)} y2={y(target)} />
              <text className={styles.axis} x={BOX.width / 2} y={y(target) - 4} textAnchor="middle">
                {t("kpis.chart.target", { value: format(target) })}
              </text>
            </g>
          )}
          <path className={styles.line} d={linePath(points, x, y)} />
          {points.map((p, i) =>
            p.value === null ? null : <circle key={p.start} className={styles.dot} cx={x(i)} cy={y(p.value)} r={2.5} />,
          )}
          {hasValues && (
            <>
              <text className={styles.axis} x={BOX.pad / 4} y={y(max) + 3}>
                {format(max)}
              </text>
              <text className={styles.axis} x={BOX.pad / 4} y={y(min) + 3}>
                {format(min)}
              </text>
            </>
          )}
          {points.length > 0 && (
            <>
              <text className={styles.axis} x={x(0)} y={BOX.height - 6} textAnchor="middle">
                {period(points[0]!)}
              </text>
              <text className={styles.axis} x={x(points.length - 1)} y={BOX.height - 6} textAnchor="middle">
                {period(points.at(-1)!)}
              </text>
            </>
          )}
        </svg>
      )}
    </figure>
  );
}
