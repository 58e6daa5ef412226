const SHOWN_KEY = "opencjm.evidence.shown";

/** Whether the data view was chosen on or off on this device, or null before any choice: it then follows the data. */
export function storedDataChoice(): boolean | null {
  try {
    const stored = localStorage.getItem(SHOWN_KEY);
    return stored === null ? null : stored !== "false";
  } catch {
    return null;
  }
}

/** Remembers on this device whether the data view is on. */
export function storeDataChoice(shown: boolean): void {
  try {
    localStorage.setItem(SHOWN_KEY, String(shown));
  } catch {
    // Storage refused: the choice lasts for this visit.
  }
}
