import type { Lane, MapOperationInput, Step } from "@opencjm/core";
import { memo, useCallback, useContext, useState, type DragEvent, type KeyboardEvent } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { dragFitsLane, readCardDrag } from "../../cells/cardDrag.js";
import { CellContent } from "../../cells/CellContent.js";
import { ActionOffersContext } from "../../cells/shell/ActionOffers.js";
import { COMMENT_SHORTCUT, isCommentShortcut } from "../../cells/shell/commentShortcut.js";
import { CommentBadgesContext } from "../../comments/CommentsContext.js";
import { ThreadBadge } from "../../comments/ThreadBadge.js";
import { CellIdeas } from "../../ideas/CellIdeas.js";
import { cellKey } from "../store/MapView.js";
import { useCellCards } from "../store/useMapView.js";
import { useHovered } from "./CellHover.js";
import { focusKey, type FocusTarget } from "./createGridFocus.js";
import { useFocusState, useGrid, usePresenceAt, useSearchMatch } from "./GridContext.js";
import { LanePrompt } from "./LanePrompt.js";
import { PresenceTag } from "./PresenceTag.js";
import styles from "./GridCell.module.css";

/** One cell (a lane at a step): focus, edit mode, collaborators' outlines and search highlight around the cell content. */
export const GridCell = memo(function GridCell({
  lane,
  step,
  collapsed,
  rowIndex,
  colIndex,
}: {
  lane: Lane;
  step: Step;
  collapsed: boolean;
  rowIndex: number;
  colIndex: number;
}) {
  const t = useT();
  const grid = useGrid();
  const cards = useCellCards(lane.id, step.id);
  const target: FocusTarget = { kind: "cell", laneId: lane.id, stepId: step.id };
  const key = focusKey(target);
  const state = useFocusState(key);
  // Starting a thread or an idea is offered where the pointer or the grid's focus is (CellHover.ts).
  const offering = useHovered(key) || state !== "idle";
  const others = usePresenceAt(key);
  const matched = useSearchMatch(cellKey(lane.id, step.id));
  const { focus, editor, readOnly } = grid;
  const comments = useContext(CommentBadgesContext);

  const onStopEditing = useCallback(() => {
    focus.set({ kind: "cell", laneId: lane.id, stepId: step.id }, false, true);
  }, [focus, lane.id, step.id]);
  const onEdit = useCallback((operations: MapOperationInput[]) => editor?.apply(operations) ?? false, [editor]);

  // Focus arriving from elsewhere (a click, Tab) selects the cell; focus moving inside it keeps edit mode.
  const onFocus = () => state === "idle" && focus.set({ kind: "cell", laneId: lane.id, stepId: step.id }, false);
  // The cell content takes card drops on its cards; the rest of the cell (its padding, an empty cell) takes them here.
  const [dropping, setDropping] = useState(false);
  const canDrop = (e: DragEvent) => !readOnly && !!editor && dragFitsLane(e.dataTransfer, lane.type);
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!canDrop(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    setDropping(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDropping(false);
    const card = canDrop(e) ? readCardDrag(e.dataTransfer) : null;
    if (!card) return;
    e.preventDefault();
    if (card.laneId !== lane.id || card.stepId !== step.id)
      editor?.apply([{ op: "moveCard", cardId: card.cardId, laneId: lane.id, stepId: step.id }]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape" && state === "editing" && !e.defaultPrevented) {
      e.preventDefault();
      onStopEditing();
    } else if (state !== "idle" && comments && isCommentShortcut(e) && !e.defaultPrevented) {
      // The cell's comment badge is out of the tab order (the grid is one tab stop), so the keyboard gets a shortcut to
      // it; in edit mode a card with the cursor in it opens its own comments first (CardEditorShell).
      e.preventDefault();
      comments.open({ kind: "cell", laneId: lane.id, stepId: step.id });
    }
  };

  const presenceColor = others[0]?.color;
  return (
    <div
      role="gridcell"
      aria-rowindex={rowIndex}
      aria-colindex={colIndex}
      aria-selected={state !== "idle"}
      aria-readonly={readOnly || undefined}
      aria-keyshortcuts={comments ? COMMENT_SHORTCUT : undefined}
      data-testid="cell"
      data-lane-id={lane.id}
      data-step-id={step.id}
      data-focus-key={key}
      data-editing={state === "editing" || undefined}
      data-match={matched || undefined}
      data-drop-target={dropping || undefined}
      tabIndex={state === "idle" ? -1 : 0}
      className={`${styles.cell} ${collapsed ? styles.collapsed : ""}`}
      style={presenceColor ? { outlineColor: presenceColor } : undefined}
      data-presence={presenceColor ? "true" : undefined}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      onDoubleClick={() =>
        !readOnly && !collapsed && focus.set({ kind: "cell", laneId: lane.id, stepId: step.id }, true)
      }
    >
      <ActionOffersContext.Provider value={offering}>
        {others.length > 0 && <PresenceTag users={others} />}
        {collapsed ? (
          <span className={styles.count}>
            {cards.length > 0 ? t("editor.cell.cards", { count: cards.length }) : ""}
          </span>
        ) : (
          <CellContent
            lane={lane}
            step={step}
            cards={cards}
            catalogue={grid.catalogue}
            readOnly={readOnly}
            editing={state === "editing"}
            onStopEditing={onStopEditing}
            onEdit={onEdit}
            workspaceId={grid.workspaceId}
            onCatalogueChange={grid.onCatalogueChange}
          />
        )}
        {!collapsed && !readOnly && state !== "editing" && cards.length === 0 && <LanePrompt lane={lane} step={step} />}
        <ThreadBadge
          anchor={{ kind: "cell", laneId: lane.id, stepId: step.id }}
          label={`${lane.name} · ${step.name}`}
          corner
        />
        <CellIdeas laneId={lane.id} stepId={step.id} label={`${lane.name} · ${step.name}`} />
      </ActionOffersContext.Provider>
    </div>
  );
});
