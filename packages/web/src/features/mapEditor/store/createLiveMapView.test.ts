import { applyMapOperations, MapOperationSchema, type MapOperationInput } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildTestMapDoc } from "./buildTestMapDoc.js";
import { createLiveMapView } from "./createLiveMapView.js";
import { TOPIC } from "./MapView.js";

const apply = (doc: Y.Doc, ops: MapOperationInput[]) =>
  applyMapOperations(
    doc,
    ops.map((o) => MapOperationSchema.parse(o)),
  );

describe("live map view", () => {
  it("reads stages, steps in column slots (parallel steps stacked), lanes, cards and emotions", () => {
    const doc = buildTestMapDoc();
    apply(doc, [{ op: "setEmotion", personaId: "p1", stepId: "cart", value: 1.5, note: "relieved" }]);
    const view = createLiveMapView(doc);
    const s = view.getStructure();
    expect(s.stages.map((x) => x.name)).toEqual(["Awareness", "Purchase"]);
    expect(s.slots.map((slot) => slot.steps.map((x) => x.id))).toEqual([["ad"], ["cart", "pay"]]);
    expect(s.lanes.map((l) => l.type)).toEqual(["actions", "painPoints", "emotion", "frontstage", "backstage"]);
    expect(view.getCell("actions", "ad").map((c) => c.id)).toEqual(["c1"]);
    expect(view.getEmotions().get("p1")?.get("cart")).toEqual({ value: 1.5, note: "relieved" });
  });

  it("wakes only the cell that changed and keeps every other cell's cards identical", () => {
    const doc = buildTestMapDoc();
    apply(doc, [
      { op: "addCard", id: "c2", laneId: "actions", stepId: "cart", card: { kind: "action", text: "Adds shoes" } },
    ]);
    const view = createLiveMapView(doc);
    const before = view.getCell("actions", "ad");
    const woken: string[] = [];
    view.subscribe(TOPIC.cell("actions", "ad"), () => woken.push("ad"));
    view.subscribe(TOPIC.cell("actions", "cart"), () => woken.push("cart"));
    view.subscribe(TOPIC.structure, () => woken.push("structure"));
    apply(doc, [{ op: "updateCard", cardId: "c2", fields: { text: "Adds red shoes" } }]);
    expect(woken).toEqual(["cart"]);
    expect(view.getCell("actions", "ad")).toBe(before);
    expect(view.getCell("actions", "cart")[0]).toMatchObject({ text: "Adds red shoes" });
  });

  it("follows a card moved to another cell and a card removed", () => {
    const doc = buildTestMapDoc();
    const view = createLiveMapView(doc);
    apply(doc, [{ op: "moveCard", cardId: "c1", stepId: "pay" }]);
    expect(view.getCell("actions", "ad")).toEqual([]);
    expect(view.getCell("actions", "pay").map((c) => c.id)).toEqual(["c1"]);
    expect(view.locateCard("c1")).toBe("actions:pay");
    apply(doc, [{ op: "removeCard", cardId: "c1" }]);
    expect(view.getCell("actions", "pay")).toEqual([]);
    expect(view.locateCard("c1")).toBeUndefined();
  });

  it("keeps unchanged lanes and steps identical across a structure change, so their rows do not re-render", () => {
    const doc = buildTestMapDoc();
    const view = createLiveMapView(doc);
    const before = view.getStructure();
    apply(doc, [{ op: "updateStage", stageId: "aware", name: "Discover" }]);
    const after = view.getStructure();
    expect(after).not.toBe(before);
    expect(after.stages[0]!.name).toBe("Discover");
    expect(after.lanes[0]).toBe(before.lanes[0]);
    expect(after.steps[1]).toBe(before.steps[1]);
  });

  it("takes in a collaborator's edits arriving as Yjs updates, and leaves out a card another client wrote badly", () => {
    const doc = buildTestMapDoc();
    const view = createLiveMapView(doc);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.on("update", (u: Uint8Array) => Y.applyUpdate(doc, u));
    apply(other, [
      {
        op: "addCard",
        id: "c9",
        laneId: "pains",
        stepId: "cart",
        card: { kind: "painPoint", text: "Slow", severity: 4 },
      },
    ]);
    expect(view.getCell("pains", "cart")[0]).toMatchObject({ text: "Slow", severity: 4 });
    // A client that bypasses the operations can write anything into the document.
    other.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set("laneId", "pains");
      bad.set("stepId", "cart");
      bad.set("kind", "painPoint");
      bad.set("order", "zz");
      other.getMap<Y.Map<unknown>>("cards").set("bad", bad);
    });
    expect(view.getCell("pains", "cart").map((c) => c.id)).toEqual(["c9"]);
  });
});
