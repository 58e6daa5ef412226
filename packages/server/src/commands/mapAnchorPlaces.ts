import type { MapSnapshot } from "@opencjm/core";
import type { Services } from "../services.js";
import { countMapAnchors, type AnchorCount, type AnchorPlaces } from "../store/mapResearchStore.js";
import { findCardOnMap } from "./highlightAnchorResolver.js";

/** Where each anchored stage and card of the map is now (a stage at its first step, a card at its cell's step). */
function placesOf(snapshot: MapSnapshot, anchors: readonly AnchorCount[]): AnchorPlaces {
  const stageSteps = new Map<string, string>();
  const cardSteps = new Map<string, string>();
  for (const a of anchors) {
    if (a.kind === "stage") {
      const first = snapshot.steps.find((s) => s.stageId === a.id);
      if (first) stageSteps.set(a.id, first.id);
    } else if (a.kind !== "step") {
      const place = findCardOnMap(snapshot, a.id);
      if (place && place.card.kind === a.kind) cardSteps.set(a.id, place.stepId);
    }
  }
  return { steps: snapshot.steps.map((s) => s.id), stageSteps, cardSteps };
}

/** Whether an anchor still names something on the map. */
function isOnMap(snapshot: MapSnapshot, places: AnchorPlaces, a: AnchorCount): boolean {
  if (a.kind === "step") return places.steps.includes(a.id);
  if (a.kind === "stage") return snapshot.stages.some((s) => s.id === a.id);
  return places.cardSteps.has(a.id);
}

/**
 * The anchors of a map's highlights as the database groups them, and where they lead on the map as it is now: the
 * few distinct stages and cards are placed here, so the database can count per step without reading highlights out.
 */
export async function readAnchorPlaces(
  services: Services,
  workspaceId: string,
  mapId: string,
  snapshot: MapSnapshot,
): Promise<{ onMap: AnchorCount[]; places: AnchorPlaces }> {
  const anchors = await countMapAnchors(services.db, workspaceId, mapId);
  const places = placesOf(snapshot, anchors);
  return { onMap: anchors.filter((a) => isOnMap(snapshot, places, a)), places };
}
