import type { Card, Channel, Lane, MapOperationInput, Persona, Step, Touchpoint } from "@opencjm/core";

/** The workspace data a cell needs to show references by name (touchpoints with their channel icon, personas). */
export interface CellCatalogue {
  touchpoints: ReadonlyMap<string, Touchpoint>;
  channels: ReadonlyMap<string, Channel>;
  personas: ReadonlyMap<string, Persona>;
}

/** A change the cell made to the workspace catalogue, so the grid can add it to `catalogue` without a refetch. */
export interface CatalogueChange {
  /** A touchpoint just created from the touchpoint picker (already stored by the server). */
  touchpoint: Touchpoint;
}

/**
 * The contract between the map grid (which owns layout, focus, keyboard navigation between cells, undo and the Yjs
 * document) and the cell content of each lane type (which owns how cards look and how they are edited).
 *
 * Dragging cards: every card of a writable cell is an HTML5 drag source. Its `dataTransfer` carries
 * `CARD_DRAG_TYPE` (`application/x-opencjm-card`, JSON `{ cardId, kind, laneId, stepId }`) and, readable during
 * `dragover`, a type `cardKindDragType(kind)` naming the card kind. `CellContent` is itself a drop target: a card
 * dropped on it (from this cell or any other) is moved there with one `moveCard` through `onEdit`, and the drop
 * event's propagation is stopped. A grid that wants its whole cell (padding included) to accept drops can use
 * `readCardDrag(event.dataTransfer)` and `dragFitsLane(event.dataTransfer, lane.type)` from `cardDrag.ts` and send
 * `{ op: "moveCard", cardId, laneId, stepId }` itself.
 */
export interface CellContentProps {
  lane: Lane;
  step: Step;
  /** The cell's cards in display order. */
  cards: readonly Card[];
  catalogue: CellCatalogue;
  /** True for viewers, commenters and read-only views: show, never offer to edit. */
  readOnly: boolean;
  /** True while the grid has put this cell in edit mode (Enter or double-click on the focused cell). */
  editing: boolean;
  /**
   * Leaves edit mode and gives focus back to the grid cell (Escape, or Enter after the last field). Text typed but
   * not yet saved is saved when the editors unmount, so the grid may also end edit mode on its own (a click elsewhere).
   */
  onStopEditing: () => void;
  /**
   * Applies edits to the map as one undoable step, all or nothing (the grid runs them through core's
   * `applyMapOperations` on the live document). Returns false when the document refused them.
   */
  onEdit: (operations: MapOperationInput[]) => boolean;
  /** The workspace of the map; without it the touchpoint picker only picks and cannot create touchpoints. */
  workspaceId?: string;
  /** Called after the cell created something in the workspace catalogue (a touchpoint from the picker). */
  onCatalogueChange?: (change: CatalogueChange) => void;
}
