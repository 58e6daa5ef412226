const SHOWN_KEY = "opencjm.evidence.shown";

function read(key: string): boolean | null {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? null : stored !== "false";
  } catch {
    return null;
  }
}

/**
 * Whether the data view was chosen on or off for this map on this device, or null before any choice: it then follows
 * whether the map has data. A choice for every map, as earlier versions stored it, still applies to a map without its
 * own.
 */
export function storedDataChoice(mapId: string): boolean | null {
  return read(`${SHOWN_KEY}.${mapId}`) ?? read(SHOWN_KEY);
}

/** Remembers on this device whether the data view of this map is on. */
export function storeDataChoice(mapId: string, shown: boolean): void {
  try {
    localStorage.setItem(`${SHOWN_KEY}.${mapId}`, String(shown));
  } catch {
    // Storage refused: the choice lasts for this visit.
  }
}
