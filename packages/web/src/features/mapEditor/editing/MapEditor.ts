import type { MapOperationInput } from "@opencjm/core";

/** Why the editor refused an edit; the page shows it translated. */
export interface EditRefusal {
  code: "read_only" | "invalid" | "not_found" | "out_of_range";
  /** The technical reason (English, from core), shown as details. */
  detail: string;
}

/** Whether undo and redo have anything to do. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Edits a map: applies operations as undoable steps of this user only, and undoes and redoes them. */
export interface MapEditor {
  readonly readOnly: boolean;
  /** Applies a batch all or nothing as one undoable step; false (and a refusal reported) when it cannot apply. */
  apply(operations: MapOperationInput[]): boolean;
  /** Ends the current undo step, so the next edit starts a new one (a drag ends, a gesture is over). */
  stopCapturing(): void;
  undo(): void;
  redo(): void;
  getHistory(): HistoryState;
  subscribeHistory(listener: () => void): () => void;
  destroy(): void;
}
