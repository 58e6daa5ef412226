import { describe, expect, it } from "vitest";
import { MAP_DOCUMENT_VERSION } from "../schemas/journeyMap.js";
import { docToSnapshot, snapshotToDoc } from "./mapSnapshot.js";
import { buildTestMap } from "./testMap.js";
import { upgradeSnapshot } from "./upgradeSnapshot.js";

const v0 = {
  title: "Old checkout map",
  stages: [{ id: "s1", name: "Buy" }],
  columns: [
    { id: "c1", stage: "s1", name: "Cart" },
    { id: "c2", stage: "s1", name: "Pay", parallel: true },
  ],
  lanes: [{ id: "l1", kind: "actions", name: "Actions", legacyWidth: 240 }],
  cells: [{ lane: "l1", column: "c2", cards: [{ id: "k1", order: "a0", kind: "action", text: "Types card number" }] }],
  emotions: [{ persona: "p1", column: "c2", value: -5 }],
};

describe("upgradeSnapshot", () => {
  it("upgrades a version 0 map, rescales emotions and reports the fields it dropped", () => {
    const { snapshot, report } = upgradeSnapshot(v0);
    expect(snapshot.version).toBe(MAP_DOCUMENT_VERSION);
    expect(snapshot.settings.title).toBe("Old checkout map");
    expect(snapshot.steps.map((s) => [s.name, s.stageId, s.parallel])).toEqual([
      ["Cart", "s1", false],
      ["Pay", "s1", true],
    ]);
    expect(snapshot.emotions).toEqual([{ personaId: "p1", stepId: "c2", value: -2, note: "" }]);
    expect(report).toEqual({ fromVersion: 0, dropped: ["lanes[0].legacyWidth"] });
    expect(docToSnapshot(snapshotToDoc(snapshot)).cells[0]!.cards[0]).toMatchObject({ text: "Types card number" });
  });

  it("passes a current snapshot through unchanged", () => {
    const current = docToSnapshot(buildTestMap().doc);
    expect(upgradeSnapshot(current)).toEqual({
      snapshot: current,
      report: { fromVersion: MAP_DOCUMENT_VERSION, dropped: [] },
    });
  });

  it("names the path of a broken reference or a bad value", () => {
    const current = docToSnapshot(buildTestMap().doc);
    const broken = { ...current, steps: current.steps.map((s, i) => (i === 2 ? { ...s, stageId: "ghost" } : s)) };
    expect(() => upgradeSnapshot(broken)).toThrow('steps[2].stageId: unknown stage "ghost"');
    expect(() => upgradeSnapshot({ ...current, settings: { ...current.settings, title: 42 } })).toThrow(
      /^settings\.title: /,
    );
    expect(() => upgradeSnapshot({ ...current, version: 99 })).toThrow(/newer than this OpenCJM understands/);
    expect(() => upgradeSnapshot([])).toThrow(/must be a JSON object/);
  });

  it("refuses a card in a lane that cannot hold it", () => {
    const { snapshot } = upgradeSnapshot(v0);
    const bad = {
      ...snapshot,
      cells: [
        {
          ...snapshot.cells[0]!,
          cards: [
            {
              id: "k9",
              order: "a0",
              kind: "quote",
              text: "hi",
              source: "",
              participant: "",
              evidence: { level: "assumption", refs: [] },
            },
          ],
        },
      ],
    };
    expect(() => upgradeSnapshot(bad)).toThrow("cells[0].cards[0].kind: a quote card cannot go in a actions lane");
  });
});
