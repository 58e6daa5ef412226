import type { Step } from "@opencjm/core";
import { memo, useState, type CSSProperties } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { ThreadBadge } from "../../comments/ThreadBadge.js";
import { PlaceIdeasBadge } from "../../ideas/PlaceIdeasBadge.js";
import { StepResearchBadge } from "../../research/StepResearchBadge.js";
import { StepDriftBadge } from "../../drift/StepDriftBadge.js";
import { useFocusState, useGrid, usePresenceAt } from "./GridContext.js";
import { HeaderMenu } from "./HeaderMenu.js";
import { InlineRename } from "./InlineRename.js";
import { PresenceTag } from "./PresenceTag.js";
import type { StructureActions } from "./useStructureActions.js";
import { useHeaderKeys } from "./useHeaderKeys.js";
import { useReorderDrag } from "./useReorderDrag.js";
import styles from "./StepHeader.module.css";

/** A step's header: name, parallel and goal markers, menu, drag handle and collaborators' presence. */
export const StepHeader = memo(function StepHeader({
  step,
  colIndex,
  first,
  last,
  stageColor,
  afterGoal = false,
  actions,
}: {
  step: Step;
  colIndex: number;
  first: boolean;
  last: boolean;
  stageColor?: string;
  /** An optional step after the journey's goal. */
  afterGoal?: boolean;
  actions: StructureActions;
}) {
  const t = useT();
  const { readOnly, focus } = useGrid();
  const key = `step:${step.id}`;
  const state = useFocusState(key);
  const others = usePresenceAt(key);
  const [menuOpen, setMenuOpen] = useState(false);
  const target = { kind: "step", stepId: step.id } as const;
  const drag = useReorderDrag({
    kind: "step",
    id: step.id,
    axis: "inline",
    enabled: !readOnly,
    onDrop: (kind, id, side) => actions.drop(kind, id, { kind: "step", id: step.id }, side),
  });
  const onKeyDown = useHeaderKeys(
    "inline",
    readOnly
      ? {}
      : {
          rename: () => actions.startRename(target),
          remove: () => void actions.deleteStep(step),
          move: (d) => actions.moveStep(step, d),
          menu: () => setMenuOpen(true),
        },
  );
  const name = step.name || t("common.state.untitled");

  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      data-testid="step-header"
      data-step-id={step.id}
      data-focus-key={key}
      data-drop={drag.dropSide ?? undefined}
      data-parallel={step.parallel || undefined}
      data-goal={step.goal || undefined}
      data-after-goal={afterGoal || undefined}
      title={afterGoal ? t("editor.step.afterGoal") : undefined}
      tabIndex={state === "idle" ? -1 : 0}
      className={styles.step}
      style={
        stageColor ? ({ borderBlockStartColor: stageColor, "--stage-color": stageColor } as CSSProperties) : undefined
      }
      // Only focus on the header itself selects it: a button inside it (a comment badge) taking the focus must not move
      // the grid's one tab stop here, before that button, or Tab from the button skips every cell.
      onFocus={(e) => e.target === e.currentTarget && state === "idle" && focus.set(target)}
      onKeyDown={onKeyDown}
      onDoubleClick={() => !readOnly && actions.startRename(target)}
      {...drag.props}
    >
      {others.length > 0 && <PresenceTag users={others} />}
      {step.parallel && (
        <span className={styles.parallel} title={t("editor.step.parallel")} aria-label={t("editor.step.parallel")}>
          ∥
        </span>
      )}
      {step.goal && (
        <span className={styles.goal} title={t("editor.step.goal")} aria-label={t("editor.step.goal")}>
          ⚑
        </span>
      )}
      {state === "editing" ? (
        <InlineRename
          value={step.name}
          label={t("editor.step.rename")}
          onCommit={(v) => (actions.renameStep(step, v), actions.refocus(target))}
          onCancel={() => actions.refocus(target)}
        />
      ) : (
        <span className={styles.name} dir="auto">
          {name}
        </span>
      )}
      {state !== "editing" && <ThreadBadge anchor={{ kind: "step", stepId: step.id }} label={name} />}
      {state !== "editing" && <PlaceIdeasBadge stepId={step.id} label={name} />}
      {state !== "editing" && <StepResearchBadge stepId={step.id} label={name} />}
      {state !== "editing" && <StepDriftBadge stepId={step.id} label={name} />}
      {!readOnly && state !== "editing" && (
        <HeaderMenu
          name={name}
          open={menuOpen}
          onOpenChange={setMenuOpen}
          items={[
            { label: t("common.action.rename"), onSelect: () => actions.startRename(target) },
            { label: t("editor.step.addAfter"), onSelect: () => actions.addStep(step.stageId, step) },
            {
              label: step.parallel ? t("editor.step.unsetParallel") : t("editor.step.setParallel"),
              onSelect: () => actions.toggleParallel(step),
            },
            {
              label: step.goal ? t("editor.step.unsetGoal") : t("editor.step.setGoal"),
              onSelect: () => actions.toggleGoal(step),
            },
            { label: t("common.action.moveBefore"), disabled: first, onSelect: () => actions.moveStep(step, -1) },
            { label: t("common.action.moveAfter"), disabled: last, onSelect: () => actions.moveStep(step, 1) },
            { label: t("common.action.delete"), danger: true, onSelect: () => void actions.deleteStep(step) },
          ]}
        />
      )}
    </div>
  );
});
