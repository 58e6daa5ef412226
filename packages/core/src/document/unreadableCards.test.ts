import { describe, expect, it } from "vitest";
import { MapSettingsSchema } from "../schemas/journeyMap.js";
import { applyMapOperations } from "./applyMapOperations.js";
import { createMapDocument, mapRoots } from "./mapDocument.js";
import { docToSnapshot, snapshotToDoc } from "./mapSnapshot.js";

function mapWithBrokenCard() {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Old map", type: "currentState" }));
  const [, , , ok, broken] = applyMapOperations(doc, [
    { op: "addStage", id: "s1", name: "Stage" },
    { op: "addStep", id: "p1", stageId: "s1", name: "Step" },
    { op: "addLane", id: "l1", type: "painPoints", name: "Pain points" },
    { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "painPoint", text: "fine", severity: 2 } },
    { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "painPoint", text: "slow checkout", severity: 4 } },
  ]);
  // As an older version or a damaged row would have left it: a severity the schema no longer accepts.
  mapRoots(doc).cards.get(broken!.id!)!.set("severity", "very high");
  return { doc, okId: ok!.id!, brokenId: broken!.id! };
}

describe("cards that no longer fit their schema", () => {
  it("are kept in the snapshot with their fields and the problem instead of vanishing", () => {
    const { doc, okId, brokenId } = mapWithBrokenCard();
    const snapshot = docToSnapshot(doc);
    expect(snapshot.cells[0]!.cards.map((c) => c.id)).toEqual([okId]);
    expect(snapshot.unreadableCards).toEqual([
      {
        id: brokenId,
        laneId: "l1",
        stepId: "p1",
        fields: expect.objectContaining({ kind: "painPoint", text: "slow checkout", severity: "very high" }),
        problem: expect.stringContaining("severity"),
      },
    ]);
    // A snapshot is still a valid snapshot, and turning it into a document does not bring the broken card back as a card.
    expect(docToSnapshot(snapshotToDoc(snapshot)).unreadableCards).toBeUndefined();
  });

  it("are repaired in place with replaceCard, or removed", () => {
    const { doc, brokenId } = mapWithBrokenCard();
    applyMapOperations(doc, [
      { op: "replaceCard", cardId: brokenId, card: { kind: "painPoint", text: "slow checkout", severity: 5 } },
    ]);
    const repaired = docToSnapshot(doc);
    expect(repaired.unreadableCards).toBeUndefined();
    expect(repaired.cells[0]!.cards.map((c) => ("severity" in c ? c.severity : 0))).toEqual([2, 5]);
    const again = mapWithBrokenCard();
    applyMapOperations(again.doc, [{ op: "removeCard", cardId: again.brokenId }]);
    expect(docToSnapshot(again.doc).unreadableCards).toBeUndefined();
  });

  it("cannot be replaced by a card of a kind the lane does not take", () => {
    const { doc, brokenId } = mapWithBrokenCard();
    expect(() =>
      applyMapOperations(doc, [{ op: "replaceCard", cardId: brokenId, card: { kind: "action", text: "x" } }]),
    ).toThrow(/cannot go in a painPoints lane/);
  });
});
