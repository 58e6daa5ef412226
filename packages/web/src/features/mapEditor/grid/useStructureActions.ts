import { newId, type Lane, type LaneType, type MapOperationInput, type Stage, type Step } from "@opencjm/core";
import { useMemo } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { useMapView } from "../store/useMapView.js";
import type { FocusTarget } from "./createGridFocus.js";
import { useGrid } from "./GridContext.js";
import { dropOperation, moveLaneBy, moveStageBy, moveStepBy } from "./reorderOperations.js";
import type { DragKind, DropSide } from "./useReorderDrag.js";

/**
 * The structural edits of the grid — add, rename, colour, reorder, collapse, hide and delete stages, steps and lanes —
 * as one set of functions shared by header menus, keyboard shortcuts and drag and drop. Each is one undoable step;
 * deleting asks for confirmation first. They read the structure when called, so they never go stale.
 */
export function useStructureActions() {
  const { editor, confirm, focus } = useGrid();
  const view = useMapView();
  const t = useT();

  return useMemo(() => {
    const apply = (...ops: Array<MapOperationInput | null>) => {
      const real = ops.filter((o): o is MapOperationInput => o !== null);
      return real.length > 0 && !!editor?.apply(real);
    };
    const refocus = (target: FocusTarget) => {
      focus.set(target, false, true);
    };
    const startRename = (target: FocusTarget) => focus.set(target, true);
    return {
      apply,
      refocus,
      startRename,
      renameStage: (stage: Stage, name: string) => apply({ op: "updateStage", stageId: stage.id, name }),
      recolorStage: (stage: Stage, color: string | null) => apply({ op: "updateStage", stageId: stage.id, color }),
      moveStage: (stage: Stage, delta: -1 | 1) =>
        apply(moveStageBy(view.getStructure(), stage.id, delta)) && refocus({ kind: "stage", stageId: stage.id }),
      addStage: (after?: Stage) => {
        const id = newId();
        const stepId = newId();
        const ok = apply(
          { op: "addStage", id, name: t("editor.stage.newName"), ...(after ? { position: { after: after.id } } : {}) },
          { op: "addStep", id: stepId, stageId: id, name: t("editor.step.newName") },
        );
        if (ok) startRename({ kind: "stage", stageId: id });
      },
      deleteStage: async (stage: Stage) => {
        if (await confirm(t("editor.confirm.deleteStage", { name: stage.name || t("common.state.untitled") })))
          apply({ op: "deleteStage", stageId: stage.id });
      },
      renameStep: (step: Step, name: string) => apply({ op: "updateStep", stepId: step.id, name }),
      toggleParallel: (step: Step) => apply({ op: "updateStep", stepId: step.id, parallel: !step.parallel }),
      toggleGoal: (step: Step) => apply({ op: "updateStep", stepId: step.id, goal: !step.goal }),
      moveStep: (step: Step, delta: -1 | 1) =>
        apply(moveStepBy(view.getStructure(), step.id, delta)) && refocus({ kind: "step", stepId: step.id }),
      addStep: (stageId: string, after?: Step) => {
        const id = newId();
        if (
          apply({
            op: "addStep",
            id,
            stageId,
            name: t("editor.step.newName"),
            ...(after ? { position: { after: after.id } } : {}),
          })
        )
          startRename({ kind: "step", stepId: id });
      },
      deleteStep: async (step: Step) => {
        if (await confirm(t("editor.confirm.deleteStep", { name: step.name || t("common.state.untitled") })))
          apply({ op: "deleteStep", stepId: step.id });
      },
      renameLane: (lane: Lane, name: string) => apply({ op: "updateLane", laneId: lane.id, name }),
      recolorLane: (lane: Lane, color: string | null) => apply({ op: "updateLane", laneId: lane.id, color }),
      toggleCollapsed: (lane: Lane) => apply({ op: "updateLane", laneId: lane.id, collapsed: !lane.collapsed }),
      setHidden: (lane: Lane, hidden: boolean) => apply({ op: "updateLane", laneId: lane.id, hidden }),
      moveLane: (lane: Lane, delta: -1 | 1) => {
        const visible = view
          .getStructure()
          .lanes.filter((l) => !l.hidden)
          .map((l) => l.id);
        return apply(moveLaneBy(visible, lane.id, delta)) && refocus({ kind: "lane", laneId: lane.id });
      },
      addLane: (type: LaneType, after?: Lane) => {
        const id = newId();
        if (
          apply({
            op: "addLane",
            id,
            type,
            name: t(`vocabulary.laneType.${type}`),
            ...(after ? { position: { after: after.id } } : {}),
          })
        )
          startRename({ kind: "lane", laneId: id });
      },
      deleteLane: async (lane: Lane) => {
        if (await confirm(t("editor.confirm.deleteLane", { name: lane.name || t("common.state.untitled") })))
          apply({ op: "deleteLane", laneId: lane.id });
      },
      drop: (kind: DragKind, draggedId: string, target: { kind: DragKind; id: string }, side: DropSide) =>
        apply(dropOperation(view.getStructure(), kind, draggedId, target, side)),
    };
  }, [editor, confirm, focus, view, t]);
}

/** The structure actions. */
export type StructureActions = ReturnType<typeof useStructureActions>;
