import { KpiBucketSchema, type KpiBucket } from "@opencjm/core";
import { useCallback, useSyncExternalStore } from "react";

const keyOf = (mapId: string) => `opencjm.kpiBucket.${mapId}`;
const listeners = new Set<() => void>();
// What was chosen this visit when the browser refuses storage (a private window), by map.
const chosenThisVisit = new Map<string, KpiBucket>();

function read(mapId: string): KpiBucket {
  try {
    const stored = KpiBucketSchema.safeParse(localStorage.getItem(keyOf(mapId)));
    if (stored.success) return stored.data;
  } catch {
    // Storage refused: what was chosen this visit, else weeks.
  }
  return chosenThisVisit.get(mapId) ?? "week";
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The periods of the map's KPI values (days, weeks or months) as chosen on this device for this map, weeks until a
 * choice; every KPI card and chart of the map follows one choice, so the lane and its charts always agree.
 */
export function useKpiBucket(mapId: string | undefined): [KpiBucket, (bucket: KpiBucket) => void] {
  const bucket = useSyncExternalStore(
    subscribe,
    () => (mapId ? read(mapId) : "week"),
    () => "week" as const,
  );
  const choose = useCallback(
    (next: KpiBucket) => {
      if (!mapId) return;
      chosenThisVisit.set(mapId, next);
      try {
        localStorage.setItem(keyOf(mapId), next);
      } catch {
        // Storage refused: the choice lasts for this visit.
      }
      for (const listener of listeners) listener();
    },
    [mapId],
  );
  return [bucket, choose];
}
