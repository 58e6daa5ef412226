import type { EmotionScale } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { EmotionFace } from "./EmotionFace.js";
import type { EmotionGeometry } from "./emotionGeometry.js";
import styles from "./EmotionAxis.module.css";

/**
 * The emotion curve's scale, drawn in the lane's sticky title beside the curve, so its numbers stay in view while the
 * map scrolls sideways; a happy face at the top of the scale and an unhappy one at its bottom say which way is good.
 */
export function EmotionAxis({ geometry, scale }: { geometry: EmotionGeometry; scale: EmotionScale }) {
  const { formatNumber } = useI18n();
  const ticks: number[] = [];
  for (let v = Math.ceil(scale.min); v <= scale.max; v++) ticks.push(v);
  return (
    <div className={styles.axis} style={{ blockSize: geometry.height }} aria-hidden="true" data-testid="emotion-axis">
      {ticks.map((v) => (
        <span key={v} className={styles.tick} style={{ insetBlockStart: geometry.y(v) }}>
          {v === scale.max && <EmotionFace mood={2} size={14} />}
          {v === Math.ceil(scale.min) && <EmotionFace mood={-2} size={14} />}
          <bdi>{formatNumber(v)}</bdi>
        </span>
      ))}
    </div>
  );
}
