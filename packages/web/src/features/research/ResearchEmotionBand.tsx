import type { EmotionScale, MapJourneyStep } from "@opencjm/core";
import { useContext } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import type { EmotionGeometry } from "../mapEditor/emotion/emotionGeometry.js";
import { StepResearchContext } from "./StepResearchContext.js";
import styles from "./ResearchEmotionBand.module.css";

/** A participant's emotion (−3…+3) on the map's own emotion scale, end to end. */
function onMapScale(emotion: number, scale: Pick<EmotionScale, "min" | "max">): number {
  return scale.min + ((emotion + 3) / 6) * (scale.max - scale.min);
}

interface BandStep {
  step: MapJourneyStep;
  x: number;
}

/** The band's outline over one run of neighbouring steps: along their highest emotions and back along the lowest. */
function outline(run: readonly BandStep[], y: (emotion: number) => number): string {
  const top = run.map((s) => `${s.x.toFixed(1)},${y(s.step.max!).toFixed(1)}`);
  const bottom = [...run].reverse().map((s) => `${s.x.toFixed(1)},${y(s.step.min!).toFixed(1)}`);
  return [...top, ...bottom].join(" ");
}

/**
 * How participants felt at each step, from their own journeys, drawn on the emotion lane beside the assumed and
 * measured curves: a band from the lowest to the highest emotion over neighbouring steps they went through, and a dot
 * per participant (hover: "7 of 10 participants, −2 to +3"). Nothing outside the live editor or without journeys.
 */
export function ResearchEmotionBand({
  geometry,
  stepIds,
  scale,
}: {
  geometry: EmotionGeometry;
  stepIds: readonly string[];
  scale: Pick<EmotionScale, "min" | "max">;
}) {
  const { t, formatNumber } = useI18n();
  const research = useContext(StepResearchContext);
  if (!research || research.journeys.participants === 0) return null;
  const total = research.journeys.participants;
  const y = (emotion: number) => geometry.y(onMapScale(emotion, scale));
  // Runs of neighbouring steps someone went through: the band breaks where nobody did.
  const runs: BandStep[][] = [];
  let run: BandStep[] = [];
  for (const stepId of stepIds) {
    const step = research.journeys.steps.get(stepId);
    const x = geometry.x(stepId);
    if (!step || step.participants === 0 || x === undefined) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    run.push({ step, x });
  }
  if (run.length > 0) runs.push(run);
  if (runs.length === 0) return null;
  const signed = (value: number) => {
    const text = formatNumber(Math.abs(value), { maximumFractionDigits: 1 });
    return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
  };
  return (
    <svg
      className={styles.band}
      width={geometry.width}
      height={geometry.height}
      role="img"
      aria-label={t("researchJourneys.band.label", { count: total })}
      data-testid="research-band"
    >
      {runs.map((r) => (
        <polygon key={r[0]!.step.stepId} points={outline(r, y)} className={styles.area} />
      ))}
      {runs.flat().map(({ step, x }) => (
        <g
          key={step.stepId}
          data-testid="research-band-step"
          data-step-id={step.stepId}
          data-participants={step.participants}
          data-min={step.min}
          data-max={step.max}
        >
          <title>
            {t("researchJourneys.band.point", {
              done: step.participants,
              count: total,
              min: signed(step.min!),
              max: signed(step.max!),
            })}
          </title>
          <line x1={x} x2={x} y1={y(step.max!)} y2={y(step.min!)} className={styles.range} />
          {step.emotions.map((emotion, i) => (
            <circle key={i} cx={x} cy={y(emotion)} r={3} className={styles.dot} />
          ))}
        </g>
      ))}
    </svg>
  );
}
