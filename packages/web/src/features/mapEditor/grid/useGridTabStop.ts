import { useEffect, type RefObject } from "react";
import type { GridFocus } from "./createGridFocus.js";
import { firstTarget, type NavModel } from "./gridNavigation.js";
import { gridTabTarget } from "./gridTabOrder.js";

/**
 * Makes the grid one tab stop: Tab from its focused cell or header leaves it for the next control after it, Shift+Tab
 * for the one before, and Tab from either side comes back to the cell or header focused last — never to the buttons
 * inside cells and headers, which the browser alone would stop on. Edit mode keeps the browser's Tab between fields.
 */
export function useGridTabStop(gridRef: RefObject<HTMLElement | null>, focus: GridFocus, model: NavModel) {
  useEffect(() => {
    // On the document, after the page's own handlers: a menu or dialog that takes Tab itself has prevented it by then.
    const onKeyDown = (event: KeyboardEvent) => {
      const root = gridRef.current;
      const from = document.activeElement;
      if (event.key !== "Tab" || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (!root || !from || (focus.isEditing && root.contains(from))) return;
      const stop = focus.current ?? firstTarget(model);
      const target = gridTabTarget(root, from, event.shiftKey, stop !== null);
      if (!target) return;
      event.preventDefault();
      if (target === "grid") focus.set(stop, false, true);
      else target.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [gridRef, focus, model]);
}
