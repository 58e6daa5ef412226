import type { EmotionScale, Lane, Step } from "@opencjm/core";
import { memo, useCallback } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { useFocusState, useGrid, usePresenceAt } from "../grid/GridContext.js";
import { PresenceTag } from "../grid/PresenceTag.js";
import type { EmotionValue } from "../store/MapView.js";
import { EmotionEditor } from "./EmotionEditor.js";
import type { EmotionPersona } from "./EmotionPersona.js";
import styles from "./EmotionCell.module.css";

/**
 * The emotion lane's cell at one step: a keyboard stop under the curve, the notes written for the step, and (in edit
 * mode) the editor to type each persona's value and note.
 */
export const EmotionCell = memo(function EmotionCell({
  lane,
  step,
  personas,
  points,
  scale,
  curveHeight,
  collapsed,
  rowIndex,
  colIndex,
}: {
  lane: Lane;
  step: Step;
  personas: readonly EmotionPersona[];
  points: ReadonlyMap<string, EmotionValue | undefined>;
  scale: EmotionScale;
  curveHeight: number;
  collapsed: boolean;
  rowIndex: number;
  colIndex: number;
}) {
  const t = useT();
  const { focus, editor, readOnly } = useGrid();
  const key = `cell:${lane.id}:${step.id}`;
  const state = useFocusState(key);
  const others = usePresenceAt(key);
  const stop = useCallback(() => {
    focus.set({ kind: "cell", laneId: lane.id, stepId: step.id }, false, true);
  }, [focus, lane.id, step.id]);
  const change = (personaId: string, value: number | null, note?: string) =>
    !!editor?.apply([
      value === null
        ? { op: "clearEmotion", personaId, stepId: step.id }
        : { op: "setEmotion", personaId, stepId: step.id, value, ...(note !== undefined ? { note } : {}) },
    ]);
  const notes = personas.flatMap((p) => (points.get(p.id)?.note ? [{ persona: p, note: points.get(p.id)!.note }] : []));

  return (
    <div
      role="gridcell"
      aria-rowindex={rowIndex}
      aria-colindex={colIndex}
      aria-selected={state !== "idle"}
      aria-readonly={readOnly || undefined}
      data-testid="cell"
      data-lane-id={lane.id}
      data-step-id={step.id}
      data-focus-key={key}
      data-editing={state === "editing" || undefined}
      tabIndex={state === "idle" ? -1 : 0}
      className={styles.cell}
      style={{ paddingBlockStart: collapsed ? undefined : curveHeight, outlineColor: others[0]?.color }}
      data-presence={others.length > 0 || undefined}
      onFocus={() => state === "idle" && focus.set({ kind: "cell", laneId: lane.id, stepId: step.id })}
      onDoubleClick={() =>
        !readOnly && personas.length > 0 && focus.set({ kind: "cell", laneId: lane.id, stepId: step.id }, true)
      }
    >
      {others.length > 0 && <PresenceTag users={others} />}
      {!collapsed &&
        notes.map(({ persona, note }) => (
          <p key={persona.id} className={styles.note}>
            <span className={styles.dot} style={{ background: persona.color }} aria-hidden="true" />
            <span className={styles.srOnly}>{t("editor.emotion.noteOf", { persona: persona.name })}</span>
            <bdi dir="auto">{note}</bdi>
          </p>
        ))}
      {state === "editing" && !readOnly && (
        <EmotionEditor personas={personas} points={points} scale={scale} onChange={change} onClose={stop} />
      )}
    </div>
  );
});
