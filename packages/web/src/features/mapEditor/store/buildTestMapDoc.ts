import { applyMapOperations, createMapDocument, MapSettingsSchema, type MapOperation } from "@opencjm/core";
import type * as Y from "yjs";

/**
 * A small map for editor tests: stages "aware" and "buy"; steps "ad" (aware), "cart" and "pay" (buy, "pay" parallel);
 * lanes "actions", "pains", "feel" (emotion), "front" and "back" (blueprint); persona "p1" on the map; one action card.
 */
export function buildTestMapDoc(): Y.Doc {
  const doc = createMapDocument(
    MapSettingsSchema.parse({ title: "Checkout", type: "currentState", personaIds: ["p1"] }),
  );
  const ops: MapOperation[] = [
    { op: "addStage", id: "aware", name: "Awareness" },
    { op: "addStage", id: "buy", name: "Purchase", color: "#2d5fb8" },
    { op: "addStep", id: "ad", stageId: "aware", name: "Sees an ad" },
    { op: "addStep", id: "cart", stageId: "buy", name: "Fills the cart" },
    { op: "addStep", id: "pay", stageId: "buy", name: "Pays", parallel: true },
    { op: "addLane", id: "actions", type: "actions", name: "Actions" },
    { op: "addLane", id: "pains", type: "painPoints", name: "Pain points" },
    { op: "addLane", id: "feel", type: "emotion", name: "Emotions" },
    { op: "addLane", id: "front", type: "frontstage", name: "Frontstage" },
    { op: "addLane", id: "back", type: "backstage", name: "Backstage" },
    { op: "addCard", id: "c1", laneId: "actions", stepId: "ad", card: { kind: "action", text: "Clicks the ad" } },
  ] as MapOperation[];
  applyMapOperations(doc, ops);
  return doc;
}
