import type { KeyboardEvent } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";

/**
 * Keyboard shortcuts of a focused header: Enter or F2 renames, Delete asks to delete, Alt+arrows move it (along the
 * header's axis, mirrored in right-to-left languages), Shift+F10 or the context-menu key opens its menu.
 */
export function useHeaderKeys(
  axis: "inline" | "block",
  handlers: { rename?: () => void; remove?: () => void; move?: (delta: -1 | 1) => void; menu?: () => void },
) {
  const { dir } = useI18n();
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    const earlier = axis === "block" ? "ArrowUp" : dir === "rtl" ? "ArrowRight" : "ArrowLeft";
    const later = axis === "block" ? "ArrowDown" : dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    let handled = true;
    if ((e.key === "Enter" || e.key === "F2") && handlers.rename) handlers.rename();
    else if ((e.key === "Delete" || e.key === "Backspace") && handlers.remove) handlers.remove();
    else if (e.altKey && e.key === earlier && handlers.move) handlers.move(-1);
    else if (e.altKey && e.key === later && handlers.move) handlers.move(1);
    else if (((e.shiftKey && e.key === "F10") || e.key === "ContextMenu") && handlers.menu) handlers.menu();
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
}
