import type { MapSnapshot } from "@opencjm/core";
import { cellKey } from "../mapEditor/store/MapView.js";

/** The cells (lane:step keys) whose cards differ between two versions of a map, to mark them on the map. */
export function changedCells(older: MapSnapshot, newer: MapSnapshot): Set<string> {
  const cardsOf = (snapshot: MapSnapshot) =>
    new Map(snapshot.cells.map((c) => [cellKey(c.laneId, c.stepId), JSON.stringify(c.cards)]));
  const before = cardsOf(older);
  const after = cardsOf(newer);
  const changed = new Set<string>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(key) !== after.get(key)) changed.add(key);
  }
  return changed;
}
