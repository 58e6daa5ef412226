import { Redo2, Undo2 } from "lucide-react";
import { useEffect, useSyncExternalStore } from "react";
import { Button } from "../../../app/Button.js";
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
    <span role="group" aria-label={t("editor.history.label")} style={{ display: "inline-flex" }}>
      <Button
        variant="ghost"
        size="small"
        onClick={() => editor.undo()}
        disabled={!history.canUndo}
        data-testid="undo"
        aria-label={t("common.action.undo")}
        title={t("editor.history.undoShortcut")}
      >
        <Undo2 size={16} aria-hidden="true" />
      </Button>
      <Button
        variant="ghost"
        size="small"
        onClick={() => editor.redo()}
        disabled={!history.canRedo}
        data-testid="redo"
        aria-label={t("common.action.redo")}
        title={t("editor.history.redoShortcut")}
      >
        <Redo2 size={16} aria-hidden="true" />
      </Button>
    </span>
  );
}
