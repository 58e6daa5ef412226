import { describe, expect, it } from "vitest";
import { applyMapOperations } from "../document/applyMapOperations.js";
import { docToSnapshot, snapshotToDoc } from "../document/mapSnapshot.js";
import { buildMapFromTemplate } from "../templates/index.js";
import { shownEvidenceLevel, withShownEvidenceLevels } from "./shownEvidenceLevel.js";

describe("the evidence level a card shows", () => {
  it("is research for a card assumed until highlights were linked to it", () => {
    expect(shownEvidenceLevel("assumption", true)).toBe("research");
    expect(shownEvidenceLevel("assumption", false)).toBe("assumption");
  });

  it("stays data, the stronger evidence, when highlights are linked too", () => {
    expect(shownEvidenceLevel("data", true)).toBe("data");
    expect(shownEvidenceLevel("research", false)).toBe("research");
  });
});

describe("a map as outputs outside the editor show it", () => {
  it("raises the cards linked to research and leaves the snapshot it was given as it was", () => {
    const doc = snapshotToDoc(buildMapFromTemplate("ecommerce", { locale: "en" }));
    const before = docToSnapshot(doc);
    const laneId = before.lanes.find((l) => l.type === "painPoints")!.id;
    const stepId = before.steps[0]!.id;
    applyMapOperations(doc, [
      { op: "addCard", laneId, stepId, card: { kind: "painPoint", text: "Linked", severity: 3 } },
      {
        op: "addCard",
        laneId,
        stepId,
        card: { kind: "painPoint", text: "Measured", severity: 3, evidence: { level: "data" } },
      },
    ]);
    const snapshot = docToSnapshot(doc);
    const cards = snapshot.cells.flatMap((c) => c.cards);
    const linked = cards.find((c) => c.kind === "painPoint" && c.text === "Linked")!;
    const shown = withShownEvidenceLevels(snapshot, new Set([linked.id]));
    const levels = new Map(shown.cells.flatMap((c) => c.cards).map((c) => [c.id, c.evidence.level]));
    expect(levels.get(linked.id)).toBe("research");
    expect(cards.filter((c) => c.id !== linked.id).every((c) => levels.get(c.id) === c.evidence.level)).toBe(true);
    expect(linked.evidence.level).toBe("assumption");
    expect(withShownEvidenceLevels(snapshot, new Set())).toBe(snapshot);
  });
});
