import type { Lane } from "@opencjm/core";
import { memo, useContext, useMemo, useState } from "react";
import { Button } from "../../../app/Button.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { MeasuredEmotionCurve } from "../../evidence/map/MeasuredEmotionCurve.js";
import { ResearchEmotionBand } from "../../research/ResearchEmotionBand.js";
import { StepResearchContext } from "../../research/StepResearchContext.js";
import { COLUMN_WIDTH, EMOTION_HEIGHT } from "../grid/gridSizes.js";
import { useGrid } from "../grid/GridContext.js";
import { LaneHeader } from "../grid/LaneHeader.js";
import type { StructureActions } from "../grid/useStructureActions.js";
import type { ColumnRange } from "../grid/useColumnWindow.js";
import type { Slot } from "../store/MapView.js";
import { useEmotions, useSettings } from "../store/useMapView.js";
import { useShownMetrics } from "../../evidence/map/EvidenceContext.js";
import { EmotionAxis } from "./EmotionAxis.js";
import { EmotionCell } from "./EmotionCell.js";
import { EmotionCurve } from "./EmotionCurve.js";
import { emotionGeometry } from "./emotionGeometry.js";
import { EmotionLegend } from "./EmotionLegend.js";
import type { EmotionPersona } from "./EmotionPersona.js";
import { personaColor } from "./personaColor.js";
import styles from "./EmotionLaneRow.module.css";

/** The emotion-curve lane: one curve per persona on the map, drawn over one cell per step, with its legend. */
export const EmotionLaneRow = memo(function EmotionLaneRow({
  lane,
  row,
  rowIndex,
  slots,
  range,
  first,
  last,
  actions,
}: {
  lane: Lane;
  row: number;
  rowIndex: number;
  slots: readonly Slot[];
  range: ColumnRange;
  first: boolean;
  last: boolean;
  actions: StructureActions;
}) {
  const { t, dir } = useI18n();
  const { catalogue, editor, readOnly, focus, openSettings } = useGrid();
  const settings = useSettings();
  const emotions = useEmotions();
  const personas = useMemo<EmotionPersona[]>(
    () =>
      settings.personaIds.map((id, i) => {
        const persona = catalogue.personas.get(id);
        return {
          id,
          name: persona?.name ?? t("editor.emotion.unknownPersona"),
          color: personaColor(i),
          photoUrl: persona?.photoUrl,
          avatarSeed: persona?.avatarSeed,
        };
      }),
    [settings.personaIds, catalogue.personas, t],
  );
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const activeId = personas.some((p) => p.id === picked) ? picked : personas[0]?.id;
  // Laid out at 100 %: the grid scales itself with CSS zoom.
  const curveHeight = EMOTION_HEIGHT;
  const geometry = useMemo(
    () => emotionGeometry(slots, COLUMN_WIDTH, curveHeight, settings.emotionScale, dir === "rtl"),
    [slots, curveHeight, settings.emotionScale, dir],
  );
  const steps = useMemo(() => slots.flatMap((s) => s.steps), [slots]);
  const measured = useShownMetrics() !== null;
  const research = (useContext(StepResearchContext)?.journeys.participants ?? 0) > 0;
  const onChange =
    editor && !readOnly
      ? (personaId: string, stepId: string, value: number | null) =>
          editor.apply([
            value === null ? { op: "clearEmotion", personaId, stepId } : { op: "setEmotion", personaId, stepId, value },
          ])
      : undefined;
  // The legend's persona pick from the keyboard: with more than one persona, the lane's menu lists them (the one
  // picked is greyed out).
  const personaItems =
    onChange && personas.length > 1
      ? personas.map((p) => ({
          label: t("editor.emotion.pickPersonaNamed", { name: p.name }),
          disabled: p.id === activeId,
          onSelect: () => setPicked(p.id),
        }))
      : [];
  const openEditor = (stepId: string) => {
    focus.set({ kind: "cell", laneId: lane.id, stepId }, true, true);
  };
  let colIndex = 1;

  return (
    <>
      <LaneHeader
        lane={lane}
        row={row}
        rowIndex={rowIndex}
        first={first}
        last={last}
        actions={actions}
        menuItems={personaItems}
      >
        {(personas.length > 0 || research) && (
          <EmotionLegend
            personas={personas}
            activeId={activeId}
            scale={settings.emotionScale}
            onPick={onChange ? setPicked : undefined}
            measured={measured}
            research={research}
          />
        )}
        <EmotionAxis geometry={geometry} scale={settings.emotionScale} />
      </LaneHeader>
      {slots.map((slot, i) => {
        const firstCol = colIndex + 1;
        colIndex += Math.max(1, slot.steps.length);
        if (i < range[0] || i >= range[1]) return null;
        return (
          <div key={slot.key} role="presentation" className={styles.slot} style={{ gridRow: row, gridColumn: 2 + i }}>
            {slot.steps.map((step, j) => {
              const points = new Map(personas.map((p) => [p.id, emotions.get(p.id)?.get(step.id)]));
              return (
                <EmotionCell
                  key={step.id}
                  lane={lane}
                  step={step}
                  personas={personas}
                  points={points}
                  scale={settings.emotionScale}
                  curveHeight={curveHeight}
                  collapsed={lane.collapsed}
                  rowIndex={rowIndex}
                  colIndex={firstCol + j}
                />
              );
            })}
          </div>
        );
      })}
      {!lane.collapsed && (
        // A cell of the lane's row across every step (a row holds only cells): the curves drawn over the step cells.
        <div
          role="gridcell"
          aria-colspan={slots.length}
          className={styles.overlay}
          style={{ gridRow: row, gridColumn: `2 / span ${slots.length}`, blockSize: curveHeight }}
        >
          <ResearchEmotionBand geometry={geometry} stepIds={steps.map((s) => s.id)} scale={settings.emotionScale} />
          <MeasuredEmotionCurve geometry={geometry} stepIds={steps.map((s) => s.id)} zoom={1} />
          {personas.length > 0 ? (
            <EmotionCurve
              geometry={geometry}
              scale={settings.emotionScale}
              steps={steps}
              personas={personas}
              emotions={emotions}
              activePersonaId={activeId}
              onChange={onChange}
              onOpenEditor={onChange ? openEditor : undefined}
              onGestureEnd={() => editor?.stopCapturing()}
            />
          ) : (
            <p className={styles.empty} data-testid="emotion-empty">
              {t("editor.emotion.noPersona")}{" "}
              {openSettings && !readOnly && (
                <Button size="small" onClick={openSettings}>
                  {t("editor.settings.open")}
                </Button>
              )}
            </p>
          )}
        </div>
      )}
    </>
  );
});
