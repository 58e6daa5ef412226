import type { Card, Channel, Lane, MapOperationInput, Persona, Step, Touchpoint } from "@opencjm/core";

/** The workspace data a cell needs to show references by name (touchpoints with their channel icon, personas). */
export interface CellCatalogue {
  touchpoints: ReadonlyMap<string, Touchpoint>;
  channels: ReadonlyMap<string, Channel>;
  personas: ReadonlyMap<string, Persona>;
}

/**
 * The contract between the map grid (which owns layout, focus, keyboard navigation between cells, undo and the Yjs
 * document) and the cell content of each lane type (which owns how cards look and how they are edited).
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
  /** Leaves edit mode and gives focus back to the grid cell (Escape, or Enter after the last field). */
  onStopEditing: () => void;
  /**
   * Applies edits to the map as one undoable step, all or nothing (the grid runs them through core's
   * `applyMapOperations` on the live document). Returns false when the document refused them.
   */
  onEdit: (operations: MapOperationInput[]) => boolean;
}
