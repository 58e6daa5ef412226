import type { EmotionScale, MapSnapshot, Step } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { curvePath } from "../emotion/emotionGeometry.js";
import { EmotionFace } from "../emotion/EmotionFace.js";
import { emotionMood } from "../emotion/emotionMood.js";
import { personaColor } from "../emotion/personaColor.js";
import styles from "./InfographicView.module.css";

const WIDTH = 1000;
const HEIGHT = 150;
const PAD = 16;
const FACE = 22;
const MEASURED_COLOR = "#1d2430";

/** A step's value on the curve, keyed by step id. */
type Values = ReadonlyMap<string, number>;

/**
 * The infographic's emotion curve across the map's steps, drawn in the same columns as the stage band above it:
 * positive and negative zones, the assumed curve of the map's first persona with a face at each point, and the
 * measured curve (dashed) when the map has data. Mirrored for right-to-left languages.
 */
export function InfographicCurve({
  snapshot,
  steps,
  measured,
}: {
  snapshot: MapSnapshot;
  /** The map's steps in reading order, stage by stage: one column each. */
  steps: readonly Step[];
  measured: ReadonlyArray<{ stepId: string; value: number }>;
}) {
  const { t, dir } = useI18n();
  const scale: Pick<EmotionScale, "min" | "max"> = snapshot.settings.emotionScale;
  const personaId = snapshot.settings.personaIds[0] ?? snapshot.emotions[0]?.personaId;
  const assumed: Values = new Map(
    snapshot.emotions.filter((e) => e.personaId === personaId).map((e) => [e.stepId as string, e.value]),
  );
  const measuredValues: Values = new Map(measured.map((m) => [m.stepId, m.value]));
  const column = WIDTH / Math.max(1, steps.length);
  const x = (i: number) => {
    const ltr = column * i + column / 2;
    return dir === "rtl" ? WIDTH - ltr : ltr;
  };
  const y = (value: number) => {
    const share = (Math.min(scale.max, Math.max(scale.min, value)) - scale.min) / (scale.max - scale.min || 1);
    return PAD + (1 - share) * (HEIGHT - 2 * PAD);
  };
  const points = (values: Values) =>
    steps.flatMap((step, i) => {
      const value = values.get(step.id);
      return value === undefined ? [] : [{ x: x(i), y: y(value), value, stepId: step.id as string }];
    });
  const assumedPoints = points(assumed);
  const measuredPoints = points(measuredValues);
  const zero = y(Math.min(scale.max, Math.max(scale.min, 0)));
  return (
    <figure className={styles.curve} data-testid="infographic-curve">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className={styles.curveSvg} aria-hidden="true">
        <rect x={0} y={0} width={WIDTH} height={zero} fill="#e9f6ee" />
        <rect x={0} y={zero} width={WIDTH} height={HEIGHT - zero} fill="#fcecea" />
        <line x1={0} x2={WIDTH} y1={zero} y2={zero} stroke="#c5ccd6" strokeDasharray="4 4" />
        {assumedPoints.length > 1 && (
          <path d={curvePath(assumedPoints)} fill="none" stroke={personaColor(0)} strokeWidth={3} />
        )}
        {measuredPoints.length > 1 && (
          <path
            d={curvePath(measuredPoints)}
            fill="none"
            stroke={MEASURED_COLOR}
            strokeWidth={2.5}
            strokeDasharray="8 5"
            data-testid="infographic-measured"
          />
        )}
        {measuredPoints.map((p) => (
          <circle key={`m${p.stepId}`} cx={p.x} cy={p.y} r={4} fill={MEASURED_COLOR} />
        ))}
      </svg>
      {/* Faces sit outside the stretched drawing so they stay round whatever the page's width. */}
      <div className={styles.faces}>
        {assumedPoints.map((p) => (
          <span
            key={p.stepId}
            className={styles.face}
            style={{
              insetInlineStart: `${((dir === "rtl" ? WIDTH - p.x : p.x) / WIDTH) * 100}%`,
              top: `${(p.y / HEIGHT) * 100}%`,
            }}
          >
            <EmotionFace mood={emotionMood(p.value, scale)} size={FACE} />
          </span>
        ))}
      </div>
      <figcaption className={styles.legend}>
        <span className={styles.zone}>
          <span className={styles.swatchPositive} /> {t("infographic.positive")}
        </span>
        <span className={styles.zone}>
          <span className={styles.swatchNegative} /> {t("infographic.negative")}
        </span>
        {assumedPoints.length > 0 && (
          <span className={styles.zone}>
            <span className={styles.lineAssumed} style={{ borderColor: personaColor(0) }} /> {t("infographic.assumed")}
          </span>
        )}
        {measuredPoints.length > 0 && (
          <span className={styles.zone} data-testid="infographic-measured-legend">
            <span className={styles.lineMeasured} /> {t("infographic.measured")}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
