import type { KpiPoint } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import { chartScale, linePath } from "./chartScale.js";
import styles from "./Kpis.module.css";

const BOX = { width: 96, height: 24, pad: 2 };

/** A KPI's trend in a word-sized line (time runs with the text direction); its values are its accessible name. */
export function KpiSparkline({
  name,
  points,
  target,
  format,
}: {
  name: string;
  points: readonly KpiPoint[];
  target: number | null;
  format: (value: number | null) => string;
}) {
  const { t, dir } = useI18n();
  const { x, y } = chartScale(points, target, BOX, dir === "rtl");
  const last = points.findLastIndex((p) => p.value !== null);
  const label = t("kpis.sparkline.label", { name, values: points.map((p) => format(p.value)).join(", ") });
  return (
    <svg
      className={styles.sparkline}
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      width={BOX.width}
      height={BOX.height}
      role="img"
      aria-label={label}
      data-testid="kpi-sparkline"
    >
      {target !== null && <line className={styles.targetLine} x1={0} x2={BOX.width} y1={y(target)} y2={y(target)} />}
      <path className={styles.line} d={linePath(points, x, y)} />
      {last >= 0 && <circle className={styles.dot} cx={x(last)} cy={y(points[last]!.value!)} r={2} />}
    </svg>
  );
}
