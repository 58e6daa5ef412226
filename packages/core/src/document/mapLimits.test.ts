import { generateNKeysBetween } from "fractional-indexing";
import { describe, expect, it } from "vitest";
import { MAP_DOCUMENT_VERSION, MapSettingsSchema, type MapSnapshot } from "../schemas/journeyMap.js";
import { applyMapOperations } from "./applyMapOperations.js";
import { MAP_LIMITS } from "./mapLimits.js";
import type { MapOperation } from "./mapOperation.js";
import { docToSnapshot, snapshotToDoc } from "./mapSnapshot.js";
import { upgradeSnapshot } from "./upgradeSnapshot.js";

/** A map of `steps` steps and `lanes` action lanes with `perCell` cards in every cell. */
function mapOfSize(steps: number, lanes: number, perCell: number): MapSnapshot {
  const keys = generateNKeysBetween(null, null, Math.max(steps, lanes, perCell));
  const key = (i: number) => keys[i]!;
  const evidence = { level: "assumption" as const, refs: [] };
  return {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title: "Big", type: "currentState", emotionScale: { min: -2, max: 2 } }),
    stages: [{ id: "stage", name: "Stage", description: "", order: "a0" }],
    steps: Array.from({ length: steps }, (_, s) => ({
      id: `step${s}`,
      stageId: "stage",
      name: `Step ${s}`,
      description: "",
      parallel: false,
      order: key(s),
    })),
    lanes: Array.from({ length: lanes }, (_, l) => ({
      id: `lane${l}`,
      type: "actions" as const,
      name: `Lane ${l}`,
      collapsed: false,
      hidden: false,
      order: key(l),
    })),
    cells: Array.from({ length: steps * lanes }, (_, i) => ({
      laneId: `lane${i % lanes}`,
      stepId: `step${Math.floor(i / lanes)}`,
      cards: Array.from({ length: perCell }, (_, c) => ({
        id: `card${i}_${c}`,
        order: key(c),
        kind: "action" as const,
        text: `Card ${c}`,
        evidence,
      })),
    })),
    emotions: [],
  } as unknown as MapSnapshot;
}

const addCard = (laneId: string, stepId: string): MapOperation => ({
  op: "addCard",
  laneId,
  stepId,
  card: { kind: "action", text: "one more" },
});

describe("map limits", () => {
  it("a map at the card limit refuses one more card, naming the limit and the count, and stays as it was", () => {
    const doc = snapshotToDoc(mapOfSize(40, 20, MAP_LIMITS.cards / 800));
    const before = docToSnapshot(doc);
    expect(before.cells.reduce((n, c) => n + c.cards.length, 0)).toBe(MAP_LIMITS.cards);
    expect(() => applyMapOperations(doc, [addCard("lane0", "step0")])).toThrow(
      "operations[0]: 20,001 cards is more than a map can hold (at most 20,000)",
    );
    expect(docToSnapshot(doc)).toEqual(before);
    // Room made in the same batch counts: removing one card first lets one more in.
    const [, added] = applyMapOperations(doc, [{ op: "removeCard", cardId: "card0_0" }, addCard("lane0", "step0")]);
    expect(docToSnapshot(doc).cells[0]!.cards.at(-1)!.id).toBe(added!.id);
  }, 60_000);

  it("refuses a card past the limit of one cell, also when a card is moved there", () => {
    const doc = snapshotToDoc(mapOfSize(2, 1, MAP_LIMITS.cardsPerCell));
    expect(() => applyMapOperations(doc, [addCard("lane0", "step0")])).toThrow(
      /1,001 cards in one cell is more than a map can hold \(at most 1,000\)/,
    );
    expect(() => applyMapOperations(doc, [{ op: "moveCard", cardId: "card1_0", stepId: "step0" }])).toThrow(
      /1,001 cards in one cell/,
    );
    applyMapOperations(doc, [{ op: "moveCard", cardId: "card0_0", position: { after: "card0_5" } }]);
  }, 60_000);

  it("refuses steps, stages and lanes past their limits within one batch", () => {
    const doc = snapshotToDoc(mapOfSize(1, 1, 0));
    const steps: MapOperation[] = Array.from({ length: MAP_LIMITS.steps }, (_, i) => ({
      op: "addStep",
      stageId: "stage",
      name: `more ${i}`,
    }));
    expect(() => applyMapOperations(doc, steps)).toThrow(
      `operations[${MAP_LIMITS.steps - 1}]: 501 steps is more than a map can hold (at most 500)`,
    );
    const lanes: MapOperation[] = Array.from({ length: MAP_LIMITS.lanes }, (_, i) => ({
      op: "addLane",
      type: "text",
      name: `lane ${i}`,
    }));
    expect(() => applyMapOperations(doc, lanes)).toThrow(/101 lanes is more than a map can hold/);
    const stages: MapOperation[] = Array.from({ length: MAP_LIMITS.stages }, (_, i) => ({
      op: "addStage",
      name: `stage ${i}`,
    }));
    expect(() => applyMapOperations(doc, stages)).toThrow(/201 stages is more than a map can hold/);
    expect(docToSnapshot(doc).steps).toHaveLength(1);
  });

  it("refuses emotion points past the limit but lets existing ones change", () => {
    const doc = snapshotToDoc(mapOfSize(MAP_LIMITS.steps, 1, 0));
    const personas = MAP_LIMITS.emotions / MAP_LIMITS.steps;
    const points: MapOperation[] = Array.from({ length: MAP_LIMITS.emotions }, (_, i) => ({
      op: "setEmotion",
      personaId: `p${i % personas}`,
      stepId: `step${Math.floor(i / personas)}`,
      value: 1,
    }));
    applyMapOperations(doc, points);
    expect(() =>
      applyMapOperations(doc, [{ op: "setEmotion", personaId: "newcomer", stepId: "step0", value: 0 }]),
    ).toThrow(/20,001 emotion points/);
    applyMapOperations(doc, [
      { op: "setEmotion", personaId: "p0", stepId: "step0", value: -1 },
      { op: "deleteStep", stepId: "step1" },
      { op: "setEmotion", personaId: "newcomer", stepId: "step0", value: 0 },
    ]);
    expect(docToSnapshot(doc).emotions).toHaveLength(MAP_LIMITS.emotions - personas + 1);
  }, 60_000);

  it("a dry run sees cards the batch removed without naming them (deleted step, cleared cell)", () => {
    const doc = snapshotToDoc(mapOfSize(2, 1, 3));
    expect(() =>
      applyMapOperations(doc, [
        { op: "deleteStep", stepId: "step0" },
        { op: "updateCard", cardId: "card0_1", fields: { text: "x" } },
      ]),
    ).toThrow('operations[1].cardId: unknown card "card0_1"');
    expect(() =>
      applyMapOperations(doc, [
        { op: "clearCell", laneId: "lane0", stepId: "step0" },
        {
          op: "addCard",
          laneId: "lane0",
          stepId: "step0",
          card: { kind: "action", text: "x" },
          position: { after: "card0_2" },
        },
      ]),
    ).toThrow(/operations\[1\]\.position\.after: .*"card0_2" is not a sibling here/);
    expect(docToSnapshot(doc).cells.map((c) => c.cards.length)).toEqual([3, 3]);
  });

  it("an imported snapshot past a limit is refused, naming the limit and the count", () => {
    expect(() => upgradeSnapshot(mapOfSize(MAP_LIMITS.steps + 1, 1, 0))).toThrow(
      "steps: 501 steps is more than a map can hold (at most 500)",
    );
    expect(() => upgradeSnapshot(mapOfSize(1, 1, MAP_LIMITS.cardsPerCell + 1))).toThrow(
      "cells[0].cards: 1,001 cards in one cell is more than a map can hold (at most 1,000)",
    );
  });
});
