import type { Lane, Stage, Step } from "@opencjm/core";
import type { CSSProperties } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { CellContent } from "../../cells/CellContent.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { EmotionFace } from "../emotion/EmotionFace.js";
import { emotionMood } from "../emotion/emotionMood.js";
import { LaneTypeIcon } from "../grid/LaneTypeIcon.js";
import { useCellCards, useEmotions, useSettings, useStructure } from "../store/useMapView.js";
import styles from "./ReadingView.module.css";

const refuse = () => false;
const nothing = () => undefined;

/** One lane at one step: its name and cards, or nothing when it has none. */
function ReadingLane({ lane, step, catalogue }: { lane: Lane; step: Step; catalogue: CellCatalogue }) {
  const { t } = useI18n();
  const cards = useCellCards(lane.id, step.id);
  if (cards.length === 0) return null;
  return (
    <div className={styles.lane} data-testid="reading-lane" data-lane-type={lane.type}>
      <h4 className={styles.laneName}>
        <LaneTypeIcon type={lane.type} size={14} />
        <bdi>{lane.name || t(`vocabulary.laneType.${lane.type}`)}</bdi>
      </h4>
      <CellContent
        lane={lane}
        step={step}
        cards={cards}
        catalogue={catalogue}
        readOnly
        editing={false}
        onStopEditing={nothing}
        onEdit={refuse}
      />
    </div>
  );
}

/** How each persona feels at a step, as a face, the number and the note. */
function ReadingFeelings({ step, catalogue }: { step: Step; catalogue: CellCatalogue }) {
  const { t, formatNumber } = useI18n();
  const emotions = useEmotions();
  const settings = useSettings();
  const felt = settings.personaIds.flatMap((id) => {
    const point = emotions.get(id)?.get(step.id);
    return point ? [{ id, point, name: catalogue.personas.get(id)?.name ?? t("common.state.untitled") }] : [];
  });
  if (felt.length === 0) return null;
  return (
    <ul className={styles.feelings} aria-label={t("presentation.reading.feelings")}>
      {felt.map(({ id, point, name }) => (
        <li key={id} data-testid="reading-feeling">
          <EmotionFace mood={emotionMood(point.value, settings.emotionScale)} size={22} />
          <bdi>{name}</bdi>
          <span className={styles.value}>{formatNumber(point.value)}</span>
          {point.note && <q dir="auto">{point.note}</q>}
        </li>
      ))}
    </ul>
  );
}

/** A stage with its steps, each step with the lanes that have something in it. */
function ReadingStage({
  stage,
  steps,
  lanes,
  catalogue,
}: {
  stage: Stage;
  steps: readonly Step[];
  lanes: readonly Lane[];
  catalogue: CellCatalogue;
}) {
  const { t } = useI18n();
  const name = stage.name || t("common.state.untitled");
  return (
    <section
      id={`reading-stage-${stage.id}`}
      className={styles.stage}
      data-testid="reading-stage"
      style={{ "--stage-color": stage.color ?? "var(--border-strong)" } as CSSProperties}
      aria-label={name}
    >
      <h2 className={styles.stageName} dir="auto">
        {name}
      </h2>
      {steps.length === 0 && <p className={styles.empty}>{t("presentation.reading.noSteps")}</p>}
      {steps.map((step) => (
        <article key={step.id} className={styles.step} data-testid="reading-step" data-step-id={step.id}>
          <h3 className={styles.stepName} dir="auto">
            {step.name || t("common.state.untitled")}
          </h3>
          {lanes.map((lane) =>
            lane.type === "emotion" ? (
              <ReadingFeelings key={lane.id} step={step} catalogue={catalogue} />
            ) : (
              <ReadingLane key={lane.id} lane={lane} step={step} catalogue={catalogue} />
            ),
          )}
        </article>
      ))}
    </section>
  );
}

/**
 * The map for reading on a phone or tablet: stages one below the other, each step as a card holding the lanes that
 * have something in it (cards, how each persona feels), and a row of links to jump to a stage. Read-only; the grid is
 * for wider screens.
 */
export function ReadingView({ catalogue }: { catalogue: CellCatalogue }) {
  const { t } = useI18n();
  const structure = useStructure();
  const lanes = structure.lanes.filter((l) => !l.hidden);
  return (
    <div className={styles.reading} data-testid="reading-view">
      <nav className={styles.stageLinks} aria-label={t("presentation.reading.stages")}>
        {structure.stages.map((stage) => (
          <a
            key={stage.id}
            href={`#reading-stage-${stage.id}`}
            style={{ "--stage-color": stage.color ?? "var(--border-strong)" } as CSSProperties}
          >
            <bdi>{stage.name || t("common.state.untitled")}</bdi>
          </a>
        ))}
      </nav>
      {structure.stages.map((stage) => (
        <ReadingStage
          key={stage.id}
          stage={stage}
          steps={structure.steps.filter((s) => s.stageId === stage.id)}
          lanes={lanes}
          catalogue={catalogue}
        />
      ))}
    </div>
  );
}
