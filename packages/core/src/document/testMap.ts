import type * as Y from "yjs";
import { applyMapOperations } from "./applyMapOperations.js";
import { createMapDocument } from "./mapDocument.js";
import { MapSettingsSchema } from "../schemas/journeyMap.js";

/** A small map for tests: two stages, three steps, an actions lane, a pain-point lane and an emotion lane. */
export function buildTestMap(): { doc: Y.Doc; ids: Record<string, string> } {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Checkout", type: "currentState" }));
  applyMapOperations(doc, [
    { op: "addStage", id: "aware", name: "Awareness" },
    { op: "addStage", id: "buy", name: "Purchase" },
    { op: "addStep", id: "ad", stageId: "aware", name: "Sees an ad" },
    { op: "addStep", id: "cart", stageId: "buy", name: "Fills the cart" },
    { op: "addStep", id: "pay", stageId: "buy", name: "Pays" },
    { op: "addLane", id: "actions", type: "actions", name: "Actions" },
    { op: "addLane", id: "pains", type: "painPoints", name: "Pain points" },
    { op: "addLane", id: "feel", type: "emotion", name: "Emotions" },
  ]);
  return {
    doc,
    ids: {
      aware: "aware",
      buy: "buy",
      ad: "ad",
      cart: "cart",
      pay: "pay",
      actions: "actions",
      pains: "pains",
      feel: "feel",
    },
  };
}
