import { useEffect } from "react";

/**
 * The presentation's keys, wherever focus is: Page Down, Space, Arrow Down and the arrow pointing forward in the
 * reading direction (right, or left in Persian) go to the next stage; Page Up, Arrow Up and the other arrow go back;
 * Home and End to the first and last; Escape leaves. Presentation clickers send Page Up and Page Down.
 */
export function usePresentationKeys({
  dir,
  move,
  leave,
}: {
  dir: "ltr" | "rtl";
  move: (delta: number | "first" | "last") => void;
  leave: () => void;
}) {
  useEffect(() => {
    const forward = dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    const backward = dir === "rtl" ? "ArrowRight" : "ArrowLeft";
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // Space and Enter on a focused button press the button.
      if ((e.key === " " || e.key === "Enter") && e.target instanceof HTMLButtonElement) return;
      if (e.key === "PageDown" || e.key === forward || e.key === "ArrowDown" || e.key === " ") move(1);
      else if (e.key === "PageUp" || e.key === backward || e.key === "ArrowUp") move(-1);
      else if (e.key === "Home") move("first");
      else if (e.key === "End") move("last");
      else if (e.key === "Escape") leave();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    // Capture: the presentation's keys come before the editor's shortcuts underneath.
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [dir, move, leave]);
}
