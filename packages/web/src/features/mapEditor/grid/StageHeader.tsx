import type { Stage } from "@opencjm/core";
import { memo, useState, type CSSProperties } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { ColorSwatches } from "./ColorSwatches.js";
import { useFocusState, useGrid, usePresenceAt } from "./GridContext.js";
import { HeaderMenu } from "./HeaderMenu.js";
import { InlineRename } from "./InlineRename.js";
import { PresenceTag } from "./PresenceTag.js";
import type { StructureActions } from "./useStructureActions.js";
import { useHeaderKeys } from "./useHeaderKeys.js";
import { useReorderDrag } from "./useReorderDrag.js";
import styles from "./StageHeader.module.css";

/** A stage's header, spanning its steps: its colour band, name, menu, drag handle and collaborators' presence. */
export const StageHeader = memo(function StageHeader({
  stage,
  index,
  count,
  column,
  span,
  actions,
}: {
  stage: Stage;
  index: number;
  count: number;
  column: number;
  span: number;
  actions: StructureActions;
}) {
  const t = useT();
  const { readOnly, focus } = useGrid();
  const key = `stage:${stage.id}`;
  const state = useFocusState(key);
  const others = usePresenceAt(key);
  const [menuOpen, setMenuOpen] = useState(false);
  const target = { kind: "stage", stageId: stage.id } as const;
  const drag = useReorderDrag({
    kind: "stage",
    id: stage.id,
    axis: "inline",
    enabled: !readOnly,
    accepts: ["stage", "step"],
    onDrop: (kind, id, side) => actions.drop(kind, id, { kind: "stage", id: stage.id }, side),
  });
  const onKeyDown = useHeaderKeys(
    "inline",
    readOnly
      ? {}
      : {
          rename: () => actions.startRename(target),
          remove: () => void actions.deleteStage(stage),
          move: (d) => actions.moveStage(stage, d),
          menu: () => setMenuOpen(true),
        },
  );
  const name = stage.name || t("common.state.untitled");

  return (
    <div
      role="columnheader"
      aria-colindex={column}
      aria-colspan={span}
      data-testid="stage-header"
      data-stage-id={stage.id}
      data-focus-key={key}
      data-drop={drag.dropSide ?? undefined}
      tabIndex={state === "idle" ? -1 : 0}
      className={styles.stage}
      style={
        {
          gridColumn: `${column} / span ${span}`,
          "--stage-color": stage.color ?? "var(--border)",
          ...(menuOpen ? { zIndex: 20 } : {}),
        } as CSSProperties
      }
      // Only focus on the header itself selects it: a button inside it (a comment badge) taking the focus must not move
      // the grid's one tab stop here, before that button, or Tab from the button skips every cell.
      onFocus={(e) => e.target === e.currentTarget && state === "idle" && focus.set(target)}
      onKeyDown={onKeyDown}
      onDoubleClick={() => !readOnly && actions.startRename(target)}
      {...drag.props}
    >
      {others.length > 0 && <PresenceTag users={others} />}
      {state === "editing" ? (
        <InlineRename
          value={stage.name}
          label={t("editor.stage.rename")}
          onCommit={(v) => (actions.renameStage(stage, v), actions.refocus(target))}
          onCancel={() => actions.refocus(target)}
        />
      ) : (
        <span className={styles.name} dir="auto">
          {name}
        </span>
      )}
      {!readOnly && state !== "editing" && (
        <HeaderMenu
          name={name}
          open={menuOpen}
          onOpenChange={setMenuOpen}
          items={[
            { label: t("common.action.rename"), onSelect: () => actions.startRename(target) },
            { label: t("editor.step.add"), onSelect: () => actions.addStep(stage.id) },
            { label: t("editor.stage.addAfter"), onSelect: () => actions.addStage(stage) },
            {
              label: t("common.action.moveBefore"),
              disabled: index === 0,
              onSelect: () => actions.moveStage(stage, -1),
            },
            {
              label: t("common.action.moveAfter"),
              disabled: index === count - 1,
              onSelect: () => actions.moveStage(stage, 1),
            },
            { label: t("common.action.delete"), danger: true, onSelect: () => void actions.deleteStage(stage) },
          ]}
          extra={<ColorSwatches value={stage.color} onPick={(c) => actions.recolorStage(stage, c)} />}
        />
      )}
    </div>
  );
});
