import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyMapOperations } from "./applyMapOperations.js";
import { docToSnapshot, snapshotToDoc } from "./mapSnapshot.js";
import { buildTestMap } from "./testMap.js";

/** Two replicas of one map that exchange updates like two connected editors. */
function twoReplicas() {
  const { doc: a } = buildTestMap();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

describe("snapshots", () => {
  it("round-trip a map through JSON and back without loss", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      {
        op: "addCard",
        laneId: "pains",
        stepId: "pay",
        card: { kind: "painPoint", text: "Слишком много полей", severity: 3, whys: ["why 1", "why 2"] },
      },
      { op: "addCard", laneId: "actions", stepId: "ad", card: { kind: "action", text: "在手机上看到广告" } },
      { op: "setEmotion", personaId: "p1", stepId: "ad", value: 1, note: "curious" },
      { op: "updateStep", stepId: "cart", parallel: true },
    ]);
    const snapshot = docToSnapshot(doc);
    const again = docToSnapshot(snapshotToDoc(snapshot));
    expect(again).toEqual(snapshot);
    expect(JSON.parse(JSON.stringify(again))).toEqual(snapshot);
  });

  it("reads back a cell that live editors filled with hundreds of cards (regression: snapshot refresh failed past 200)", () => {
    const { doc } = buildTestMap();
    applyMapOperations(
      doc,
      Array.from({ length: 300 }, (_, i) => ({
        op: "addCard" as const,
        laneId: "actions",
        stepId: "pay",
        card: { kind: "action" as const, text: `card ${i}` },
      })),
    );
    expect(docToSnapshot(doc).cells[0]!.cards).toHaveLength(300);
  });
});

describe("concurrent edits", () => {
  it("two stages inserted at the same place both survive, in the same order on both replicas", () => {
    const { a, b, sync } = twoReplicas();
    applyMapOperations(a, [{ op: "addStage", name: "From A", position: { after: "aware" } }]);
    applyMapOperations(b, [{ op: "addStage", name: "From B", position: { after: "aware" } }]);
    sync();
    const sa = docToSnapshot(a);
    expect(sa).toEqual(docToSnapshot(b));
    expect(sa.stages.map((s) => s.name).sort()).toEqual(["Awareness", "From A", "From B", "Purchase"]);
    expect(sa.stages[0]!.name).toBe("Awareness");
    expect(sa.stages[3]!.name).toBe("Purchase");
    // A later insert between the two tied stages still finds room.
    applyMapOperations(a, [{ op: "addStage", name: "Between", position: { after: sa.stages[1]!.id } }]);
    expect(docToSnapshot(a).stages.map((s) => s.name)[2]).toBe("Between");
  });

  it("cards added to the same empty cell by two people are both kept", () => {
    const { a, b, sync } = twoReplicas();
    applyMapOperations(a, [
      { op: "addCard", laneId: "actions", stepId: "pay", card: { kind: "action", text: "from A" } },
    ]);
    applyMapOperations(b, [
      { op: "addCard", laneId: "actions", stepId: "pay", card: { kind: "action", text: "from B" } },
    ]);
    sync();
    const cell = docToSnapshot(a).cells[0]!;
    expect(cell.cards.map((c) => ("text" in c ? c.text : "")).sort()).toEqual(["from A", "from B"]);
    expect(docToSnapshot(b)).toEqual(docToSnapshot(a));
  });

  it("edits to different fields of one card merge", () => {
    const { a, b, sync } = twoReplicas();
    const [{ id }] = applyMapOperations(a, [
      { op: "addCard", laneId: "pains", stepId: "pay", card: { kind: "painPoint", text: "Slow", severity: 2 } },
    ]) as [{ id: string }];
    sync();
    applyMapOperations(a, [{ op: "updateCard", cardId: id, fields: { text: "Slow payment page" } }]);
    applyMapOperations(b, [{ op: "updateCard", cardId: id, fields: { severity: 5 } }]);
    sync();
    expect(docToSnapshot(a).cells[0]!.cards[0]).toMatchObject({ text: "Slow payment page", severity: 5 });
  });

  it("a card edited while its lane is deleted elsewhere converges to a valid map without the lane", () => {
    const { a, b, sync } = twoReplicas();
    const [{ id }] = applyMapOperations(a, [
      { op: "addCard", laneId: "actions", stepId: "pay", card: { kind: "action", text: "x" } },
    ]) as [{ id: string }];
    sync();
    applyMapOperations(a, [{ op: "deleteLane", laneId: "actions" }]);
    applyMapOperations(b, [
      { op: "updateCard", cardId: id, fields: { text: "edited" } },
      { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "new" } },
    ]);
    sync();
    const sa = docToSnapshot(a);
    expect(sa).toEqual(docToSnapshot(b));
    expect(sa.lanes.map((l) => l.id)).not.toContain("actions");
    expect(sa.cells).toEqual([]);
  });
});
