import type { KeyboardEvent } from "react";
import { focusNextField } from "./CellEditingContext.js";

/** True for a plain Enter that is not finishing an input-method composition (Chinese, Persian keyboards). */
export function isPlainEnter(event: KeyboardEvent): boolean {
  return (
    event.key === "Enter" &&
    !event.shiftKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.nativeEvent.isComposing
  );
}

/** After a field saved on Enter: focus the next field of the cell, or leave edit mode after the last one. */
export function advanceFrom(field: HTMLElement, stopEditing: () => void): void {
  if (!focusNextField(field)) stopEditing();
}
