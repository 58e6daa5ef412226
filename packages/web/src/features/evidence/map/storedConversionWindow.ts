import { MAX_CONVERSION_WINDOW_HOURS } from "@opencjm/core";

const key = (mapId: string) => `opencjm.conversionWindow.${mapId}`;

/** The conversion window last chosen for this map on this device (hours), or undefined for none. */
export function storedConversionWindow(mapId: string): number | undefined {
  try {
    const hours = Number(localStorage.getItem(key(mapId)));
    return Number.isFinite(hours) && hours > 0 && hours <= MAX_CONVERSION_WINDOW_HOURS ? hours : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers this map's conversion window on this device; undefined forgets it (no window). */
export function storeConversionWindow(mapId: string, hours: number | undefined): void {
  try {
    if (hours === undefined) localStorage.removeItem(key(mapId));
    else localStorage.setItem(key(mapId), String(hours));
  } catch {
    // Storage refused: the choice lasts for this visit.
  }
}
