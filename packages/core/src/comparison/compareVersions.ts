import type { MapSnapshot } from "../schemas/journeyMap.js";
import { compareMaps, type MapComparison } from "./compareMaps.js";

/**
 * Compares two versions of one map (older left, newer right). Both share their ids, so stages, steps and lanes are
 * paired by id (as lineage) before any name: a renamed step is "changed", not removed and added.
 */
export function compareVersions(older: MapSnapshot, newer: MapSnapshot): MapComparison {
  const sameIds = <T extends { id: string; originId?: string }>(items: T[]): T[] =>
    items.map((item) => ({ ...item, originId: item.id }));
  const right: MapSnapshot = {
    ...newer,
    stages: sameIds(newer.stages),
    steps: sameIds(newer.steps),
    lanes: sameIds(newer.lanes),
  };
  const comparison = compareMaps(older, right);
  // Hand back the newer side's own entities, without the lineage marks added for pairing.
  const stages = new Map(newer.stages.map((s) => [s.id, s]));
  const steps = new Map(newer.steps.map((s) => [s.id, s]));
  return {
    ...comparison,
    stages: comparison.stages.map((d) => (d.right ? { ...d, right: stages.get(d.right.id) ?? d.right } : d)),
    steps: comparison.steps.map((d) => ({
      ...d,
      ...(d.right ? { right: steps.get(d.right.id) ?? d.right } : {}),
      ...(d.rightStage ? { rightStage: stages.get(d.rightStage.id) ?? d.rightStage } : {}),
    })),
  };
}
