import { createContext, useContext } from "react";

/** What fields deep inside a cell editor need from the cell: how to leave edit mode. */
export interface CellEditing {
  stopEditing: () => void;
}

/** Provided by the cell editor around its cards. */
export const CellEditingContext = createContext<CellEditing>({ stopEditing: () => {} });

/** The cell editor the field sits in. */
export function useCellEditing(): CellEditing {
  return useContext(CellEditingContext);
}

/** Attribute marking the fields Enter moves through, in document order. */
export const CELL_FIELD_ATTRIBUTE = "data-cell-field";

/**
 * Moves focus to the next field of the cell editor after `from` (Enter in a field); returns false after the last
 * field, where Enter leaves edit mode.
 */
export function focusNextField(from: HTMLElement): boolean {
  const editor = from.closest("[data-cell-editor]");
  if (!editor) return false;
  const fields = Array.from(editor.querySelectorAll<HTMLElement>(`[${CELL_FIELD_ATTRIBUTE}]`));
  const next = fields[fields.indexOf(from) + 1];
  if (!next) return false;
  next.focus();
  return true;
}
