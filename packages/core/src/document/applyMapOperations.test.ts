import { describe, expect, it } from "vitest";
import { applyMapOperations } from "./applyMapOperations.js";
import { MapOperationSchema } from "./mapOperation.js";
import { docToSnapshot } from "./mapSnapshot.js";
import { buildTestMap } from "./testMap.js";

const names = (items: Array<{ name: string }>) => items.map((i) => i.name);

describe("structure operations", () => {
  it("adds stages and steps in order and places a stage before another", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [{ op: "addStage", name: "Consideration", position: { before: "buy" } }]);
    const s = docToSnapshot(doc);
    expect(names(s.stages)).toEqual(["Awareness", "Consideration", "Purchase"]);
    expect(names(s.steps)).toEqual(["Sees an ad", "Fills the cart", "Pays"]);
  });

  it("renames, recolours and removes the colour of a stage", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [{ op: "updateStage", stageId: "aware", name: "Discover", color: "#ff8800" }]);
    expect(docToSnapshot(doc).stages[0]).toMatchObject({ name: "Discover", color: "#ff8800" });
    applyMapOperations(doc, [{ op: "updateStage", stageId: "aware", color: null }]);
    expect(docToSnapshot(doc).stages[0]!.color).toBeUndefined();
  });

  it("moves a stage and its steps follow it", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [{ op: "moveStage", stageId: "buy", position: { before: "aware" } }]);
    const s = docToSnapshot(doc);
    expect(names(s.stages)).toEqual(["Purchase", "Awareness"]);
    expect(names(s.steps)).toEqual(["Fills the cart", "Pays", "Sees an ad"]);
  });

  it("moves a step into another stage and marks it parallel", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      { op: "moveStep", stepId: "pay", stageId: "aware", position: { before: "ad" } },
      { op: "updateStep", stepId: "cart", parallel: true },
    ]);
    const s = docToSnapshot(doc);
    expect(s.steps.map((x) => [x.id, x.stageId, x.parallel])).toEqual([
      ["pay", "aware", false],
      ["ad", "aware", false],
      ["cart", "buy", true],
    ]);
  });

  it("deleting a stage removes its steps, their cards and emotions", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      { op: "addCard", laneId: "actions", stepId: "pay", card: { kind: "action", text: "Enters card number" } },
      { op: "setEmotion", personaId: "p1", stepId: "pay", value: -2 },
      { op: "setEmotion", personaId: "p1", stepId: "ad", value: 1 },
      { op: "deleteStage", stageId: "buy" },
    ]);
    const s = docToSnapshot(doc);
    expect(s.steps.map((x) => x.id)).toEqual(["ad"]);
    expect(s.cells).toEqual([]);
    expect(s.emotions.map((e) => e.stepId)).toEqual(["ad"]);
  });

  it("adds, collapses, hides, moves and deletes lanes; deleting a lane removes its cards", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      {
        op: "addCard",
        laneId: "pains",
        stepId: "pay",
        card: { kind: "painPoint", text: "3-D Secure times out", severity: 4 },
      },
      { op: "updateLane", laneId: "actions", collapsed: true, hidden: true, name: "Doing" },
      { op: "moveLane", laneId: "feel", position: { after: "actions" } },
    ]);
    let s = docToSnapshot(doc);
    expect(s.lanes.map((l) => [l.id, l.name, l.collapsed, l.hidden])).toEqual([
      ["actions", "Doing", true, true],
      ["feel", "Emotions", false, false],
      ["pains", "Pain points", false, false],
    ]);
    applyMapOperations(doc, [{ op: "deleteLane", laneId: "pains" }]);
    s = docToSnapshot(doc);
    expect(s.cells).toEqual([]);
  });

  it("names the unknown id of a failed operation and its index in the batch", () => {
    const { doc } = buildTestMap();
    expect(() =>
      applyMapOperations(doc, [
        { op: "addStage", name: "ok" },
        { op: "addStep", stageId: "nope", name: "x" },
      ]),
    ).toThrow('operations[1].stageId: unknown stage "nope"');
  });
});

describe("cards and emotions", () => {
  it("adds, updates, moves and removes cards, keeping order inside a cell", () => {
    const { doc } = buildTestMap();
    const [a, b] = applyMapOperations(doc, [
      { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "Adds shoes" } },
      { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "Applies coupon" } },
    ]);
    applyMapOperations(doc, [
      { op: "moveCard", cardId: b!.id!, position: { before: a!.id! } },
      {
        op: "updateCard",
        cardId: a!.id!,
        fields: { text: "Adds running shoes", evidence: { level: "data", refs: ["metric:cart"] } },
      },
    ]);
    let cell = docToSnapshot(doc).cells[0]!;
    expect(cell.cards.map((c) => ("text" in c ? c.text : ""))).toEqual(["Applies coupon", "Adds running shoes"]);
    expect(cell.cards[1]!.evidence.level).toBe("data");
    applyMapOperations(doc, [
      { op: "moveCard", cardId: a!.id!, stepId: "pay" },
      { op: "removeCard", cardId: b!.id! },
    ]);
    cell = docToSnapshot(doc).cells[0]!;
    expect([cell.stepId, cell.cards.length]).toEqual(["pay", 1]);
  });

  it("refuses a card kind the lane does not hold, and invalid card fields, naming the field", () => {
    const { doc } = buildTestMap();
    expect(() =>
      applyMapOperations(doc, [{ op: "addCard", laneId: "pains", stepId: "pay", card: { kind: "action", text: "x" } }]),
    ).toThrow(/card.kind: a action card cannot go in a painPoints lane/);
    expect(() =>
      applyMapOperations(doc, [
        { op: "addCard", laneId: "pains", stepId: "pay", card: { kind: "painPoint", text: "x", severity: 9 } },
      ]),
    ).toThrow(/card.severity/);
    expect(() =>
      applyMapOperations(doc, [{ op: "addCard", laneId: "feel", stepId: "pay", card: { kind: "text", text: "x" } }]),
    ).toThrow(/emotion points/);
    expect(() =>
      applyMapOperations(doc, [
        { op: "addCard", laneId: "actions", stepId: "pay", card: { kind: "action", text: "x", colour: "red" } },
      ]),
    ).toThrow(/colour/);
  });

  it("clears a cell", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "a" } },
      { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "b" } },
      { op: "clearCell", laneId: "actions", stepId: "cart" },
    ]);
    expect(docToSnapshot(doc).cells).toEqual([]);
  });

  it("sets emotions per persona on the map's scale and refuses values outside it", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      { op: "setEmotion", personaId: "anna", stepId: "pay", value: -1.5, note: "card declined" },
      { op: "setEmotion", personaId: "ben", stepId: "pay", value: 2 },
    ]);
    expect(docToSnapshot(doc).emotions).toEqual([
      { personaId: "anna", stepId: "pay", value: -1.5, note: "card declined" },
      { personaId: "ben", stepId: "pay", value: 2, note: "" },
    ]);
    expect(() => applyMapOperations(doc, [{ op: "setEmotion", personaId: "anna", stepId: "pay", value: 3 }])).toThrow(
      /outside the map's emotion scale -2…2/,
    );
    applyMapOperations(doc, [{ op: "clearEmotion", personaId: "ben", stepId: "pay" }]);
    expect(docToSnapshot(doc).emotions.map((e) => e.personaId)).toEqual(["anna"]);
  });

  it("updates settings and rejects invalid ones", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      { op: "updateSettings", settings: { goal: "Cut checkout drop-off", status: "published", tags: ["q3"] } },
    ]);
    expect(docToSnapshot(doc).settings).toMatchObject({
      title: "Checkout",
      goal: "Cut checkout drop-off",
      status: "published",
      tags: ["q3"],
    });
    expect(() => applyMapOperations(doc, [{ op: "updateSettings", settings: { title: "" } }])).toThrow(
      /settings.title/,
    );
  });

  it("leaves settings that a patch does not mention as they are (regression: they were reset to defaults)", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      {
        op: "updateSettings",
        settings: {
          goal: "Cut drop-off",
          status: "published",
          tags: ["q3"],
          emotionScale: { min: -3, max: 3, minLabel: "", maxLabel: "" },
        },
      },
    ]);
    const op = MapOperationSchema.parse({ op: "updateSettings", settings: { title: "Renamed" } });
    applyMapOperations(doc, [op]);
    expect(docToSnapshot(doc).settings).toMatchObject({
      title: "Renamed",
      goal: "Cut drop-off",
      status: "published",
      tags: ["q3"],
      emotionScale: { min: -3, max: 3 },
    });
  });
});

describe("batches", () => {
  it("leave the map untouched when any operation fails", () => {
    const { doc } = buildTestMap();
    const before = docToSnapshot(doc);
    expect(() =>
      applyMapOperations(doc, [
        { op: "addStage", name: "Retention" },
        { op: "deleteStage", stageId: "aware" },
        { op: "setEmotion", personaId: "p", stepId: "pay", value: 99 },
      ]),
    ).toThrow(/operations\[2\]\.value/);
    expect(docToSnapshot(doc)).toEqual(before);
  });
});
