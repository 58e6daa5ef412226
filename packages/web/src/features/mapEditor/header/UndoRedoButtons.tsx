import { useEffect, useSyncExternalStore } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import type { MapEditor } from "../editing/MapEditor.js";

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable)
  );
}

/**
 * Undo and redo of this user's own edits, as buttons that show whether there is anything to undo, and as Ctrl/⌘+Z,
 * Shift+Ctrl/⌘+Z and Ctrl+Y anywhere on the editor except inside a text field (where the field's own undo applies).
 */
export function UndoRedoButtons({ editor }: { editor: MapEditor }) {
  const t = useT();
  const history = useSyncExternalStore(
    (l) => editor.subscribeHistory(l),
    () => editor.getHistory(),
  );
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) editor.undo();
      else if ((key === "z" && e.shiftKey) || (key === "y" && !e.shiftKey)) editor.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [editor]);
  return (
    <span role="group" aria-label={t("editor.history.label")}>
      <button
        type="button"
        onClick={() => editor.undo()}
        disabled={!history.canUndo}
        data-testid="undo"
        title={t("editor.history.undoShortcut")}
      >
        ↶ {t("common.action.undo")}
      </button>{" "}
      <button
        type="button"
        onClick={() => editor.redo()}
        disabled={!history.canRedo}
        data-testid="redo"
        title={t("editor.history.redoShortcut")}
      >
        ↷ {t("common.action.redo")}
      </button>
    </span>
  );
}
