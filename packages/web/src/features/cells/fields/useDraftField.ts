import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { FieldProblem } from "./FieldProblem.js";

/** How long typing may pause before a draft is saved on its own (the grid merges saves this close into one undo step). */
export const DRAFT_SAVE_DELAY_MS = 600;

/**
 * Drafts that could not be saved when their field went away (too long, not a number), by field key. Coming back to
 * the cell brings the draft back with its message instead of silently dropping what the user typed.
 */
const unsaved = new Map<string, string>();

/** A field's text being edited: shown at once, saved on commit. */
export interface DraftField {
  text: string;
  setText: (text: string) => void;
  /** Saves the draft now; false when it has a problem (the draft stays, with `problem` set). */
  commit: () => boolean;
  /** Drops the draft and shows the stored value again. */
  revert: () => void;
  problem: FieldProblem | null;
}

/**
 * Keeps a local draft of one card field and saves it (blur, Enter, a pause in typing, or unmount — never once per
 * keystroke). While the draft is clean it follows the stored value, so a collaborator's edit shows up live.
 * @param key unique per card field, to keep an unsavable draft across unmounts
 * @param stored the stored value as text
 * @param save validates and saves a draft; returns the problem, or null when saved (or unchanged)
 */
export function useDraftField(key: string, stored: string, save: (text: string) => FieldProblem | null): DraftField {
  const [text, setTextState] = useState(() => unsaved.get(key) ?? stored);
  const [dirty, setDirty] = useState(() => unsaved.has(key));
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [shownStored, setShownStored] = useState(stored);
  if (stored !== shownStored) {
    // Adjusting state to a new prop during render (React's documented pattern): follow the stored value unless editing.
    setShownStored(stored);
    if (!dirty) setTextState(stored);
  }

  const latest = useRef({ key, text, dirty, save });
  useLayoutEffect(() => {
    latest.current = { key, text, dirty, save };
  });

  const commit = useCallback(() => {
    const { text: draft, dirty: isDirty, save: saveDraft, key: k } = latest.current;
    if (!isDirty) return true;
    const found = saveDraft(draft);
    setProblem(found);
    if (found) return false;
    unsaved.delete(k);
    latest.current.dirty = false;
    setDirty(false);
    return true;
  }, []);

  const setText = useCallback((next: string) => {
    latest.current.text = next;
    latest.current.dirty = true;
    setTextState(next);
    setDirty(true);
  }, []);

  const revert = useCallback(() => {
    unsaved.delete(latest.current.key);
    latest.current.dirty = false;
    setDirty(false);
    setProblem(null);
    setTextState(shownStored);
  }, [shownStored]);

  // Save after a pause in typing; an invalid draft shows its problem as soon as the user stops.
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(commit, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, text, commit]);

  // Leaving (edit mode ends, the cell scrolls away): save, or keep what cannot be saved for next time.
  useEffect(
    () => () => {
      const { key: k, text: draft, dirty: isDirty, save: saveDraft } = latest.current;
      if (isDirty && saveDraft(draft)) unsaved.set(k, draft);
    },
    [],
  );

  return { text, setText, commit, revert, problem };
}
