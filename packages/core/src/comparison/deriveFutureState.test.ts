import { describe, expect, it } from "vitest";
import { applyMapOperations } from "../document/applyMapOperations.js";
import { docToSnapshot } from "../document/mapSnapshot.js";
import { buildTestMap } from "../document/testMap.js";
import { validateSnapshotIntegrity } from "../document/upgradeSnapshot.js";
import type { MapSnapshot } from "../schemas/journeyMap.js";
import { deriveFutureState } from "./deriveFutureState.js";

function currentState(): MapSnapshot {
  const { doc } = buildTestMap();
  applyMapOperations(doc, [
    { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "Adds shoes to the cart" } },
    {
      op: "addCard",
      laneId: "pains",
      stepId: "pay",
      card: { kind: "painPoint", text: "Card declined without a reason", severity: 5 },
    },
    { op: "setEmotion", personaId: "per_ana", stepId: "pay", value: -2, note: "angry" },
    { op: "updateSettings", settings: { status: "published", tags: ["checkout"], goal: "Fewer abandoned carts" } },
  ]);
  return docToSnapshot(doc);
}

describe("deriveFutureState", () => {
  it("copies every stage, step, lane, card and emotion under fresh ids, as a draft future state of the source", () => {
    const source = currentState();
    const future = deriveFutureState(source, { sourceMapId: "map_current" });
    expect(future.settings).toMatchObject({
      type: "futureState",
      status: "draft",
      basedOnMapId: "map_current",
      title: "Checkout",
      tags: ["checkout"],
      goal: "Fewer abandoned carts",
    });
    const sourceIds = new Set(
      [...source.stages, ...source.steps, ...source.lanes]
        .map((e): string => e.id)
        .concat(source.cells.flatMap((c) => c.cards.map((k) => k.id))),
    );
    const futureIds = [...future.stages, ...future.steps, ...future.lanes]
      .map((e): string => e.id)
      .concat(future.cells.flatMap((c) => c.cards.map((k) => k.id)));
    expect(futureIds.filter((id) => sourceIds.has(id))).toEqual([]);
    expect(future.steps.map((s) => s.name)).toEqual(source.steps.map((s) => s.name));
    expect(future.steps.map((s) => s.originId)).toEqual(source.steps.map((s) => s.id));
    expect(future.stages.map((s) => s.originId)).toEqual(source.stages.map((s) => s.id));
    expect(future.lanes.map((l) => l.originId)).toEqual(source.lanes.map((l) => l.id));
    const payCopy = future.steps.find((s) => s.originId === "pay")!;
    expect(future.emotions).toEqual([{ personaId: "per_ana", stepId: payCopy.id, value: -2, note: "angry" }]);
    const pains = future.cells.find((c) => c.stepId === payCopy.id)!.cards;
    expect(pains).toMatchObject([{ kind: "painPoint", text: "Card declined without a reason", severity: 5 }]);
    expect(() => validateSnapshotIntegrity(future)).not.toThrow();
  });

  it("takes a new title when given one, and leaves the source untouched", () => {
    const source = currentState();
    const before = structuredClone(source);
    const future = deriveFutureState(source, { sourceMapId: "map_current", title: "  Checkout 2027  " });
    expect(future.settings.title).toBe("Checkout 2027");
    expect(source).toEqual(before);
  });

  it("keeps steps in their stages and in order, with parallel flags", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      {
        op: "addStep",
        id: "wallet",
        stageId: "buy",
        name: "Pays by wallet",
        parallel: true,
        position: { after: "pay" },
      },
    ]);
    const source = docToSnapshot(doc);
    const future = deriveFutureState(source, { sourceMapId: "m" });
    const stageOf = (snap: MapSnapshot, stepName: string) =>
      snap.stages.find((s) => s.id === snap.steps.find((x) => x.name === stepName)!.stageId)!.name;
    expect(future.steps.map((s) => [s.name, s.parallel, stageOf(future, s.name)])).toEqual(
      source.steps.map((s) => [s.name, s.parallel, stageOf(source, s.name)]),
    );
  });
});
