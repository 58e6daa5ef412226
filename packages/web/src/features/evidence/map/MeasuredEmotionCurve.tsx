import { useI18n } from "../../../i18n/I18nProvider.js";
import { curvePath, type EmotionGeometry } from "../../mapEditor/emotion/emotionGeometry.js";
import { useShownMetrics } from "./EvidenceContext.js";
import styles from "./Evidence.module.css";

/**
 * The emotion curve measured from customers' scores and feedback, drawn dashed over the emotion lane beside the
 * curves the team assumed, on the map's own scale and in the grid's reading direction.
 */
export function MeasuredEmotionCurve({
  geometry,
  stepIds,
  zoom,
}: {
  geometry: EmotionGeometry;
  stepIds: readonly string[];
  zoom: number;
}) {
  const { t, formatNumber } = useI18n();
  const evidence = useShownMetrics();
  if (!evidence) return null;
  const points = stepIds.flatMap((id) => {
    const value = evidence.steps.get(id)?.emotion.value;
    const x = geometry.x(id);
    return value != null && x !== undefined ? [{ id, x, y: geometry.y(value), value }] : [];
  });
  if (points.length === 0) return null;
  return (
    <svg
      className={styles.measured}
      width={geometry.width}
      height={geometry.height}
      role="img"
      aria-label={t("evidence.emotion.label")}
      data-testid="measured-emotion"
    >
      <path d={curvePath(points)} className={styles.measuredLine} style={{ strokeWidth: Math.max(2, 2.5 * zoom) }} />
      {/* Labelled at its last point, so the dashed curve reads as the measured one beside the assumed ones. */}
      <text
        x={points.at(-1)!.x}
        y={points.at(-1)!.y - 8 * zoom}
        textAnchor="middle"
        className={styles.measuredLabel}
        style={{ fontSize: `calc(var(--font-size-xs) * ${zoom})` }}
        data-testid="measured-label"
      >
        {t("evidence.emotion.measured")}
      </text>
      {points.map((p) => (
        <rect
          key={p.id}
          x={p.x - 4 * zoom}
          y={p.y - 4 * zoom}
          width={8 * zoom}
          height={8 * zoom}
          className={styles.measuredPoint}
          data-testid="measured-point"
          data-step-id={p.id}
          data-value={p.value}
        >
          <title>{t("evidence.emotion.point", { value: formatNumber(p.value, { maximumFractionDigits: 2 }) })}</title>
        </rect>
      ))}
    </svg>
  );
}
