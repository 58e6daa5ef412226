import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyMapOperations } from "../document/applyMapOperations.js";
import type { MapOperationInput } from "../document/mapOperation.js";
import { MapOperationSchema } from "../document/mapOperation.js";
import { docToSnapshot, snapshotToDoc } from "../document/mapSnapshot.js";
import { buildTestMap } from "../document/testMap.js";
import type { MapSnapshot } from "../schemas/journeyMap.js";
import { buildMapFromTemplate } from "../templates/buildMapFromTemplate.js";
import { compareMaps } from "./compareMaps.js";
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
    {
      op: "addCard",
      laneId: "pains",
      stepId: "cart",
      card: { kind: "painPoint", text: "Shipping cost shown late", severity: 3 },
    },
    { op: "setEmotion", personaId: "per_ana", stepId: "pay", value: -2 },
    { op: "setEmotion", personaId: "per_ana", stepId: "cart", value: 0 },
    { op: "setEmotion", personaId: "per_bo", stepId: "pay", value: 1 },
  ]);
  return docToSnapshot(doc);
}

/** Edits a snapshot the way the editor would: operations on its Yjs document. */
function edit(snapshot: MapSnapshot, ops: (s: MapSnapshot) => MapOperationInput[]): MapSnapshot {
  const doc = snapshotToDoc(snapshot, new Y.Doc());
  applyMapOperations(
    doc,
    ops(snapshot).map((o) => MapOperationSchema.parse(o)),
  );
  return docToSnapshot(doc);
}

const stepIdOf = (s: MapSnapshot, name: string) => s.steps.find((x) => x.name === name)!.id;
const laneIdOf = (s: MapSnapshot, type: string) => s.lanes.find((l) => l.type === type)!.id;
const rows = (c: ReturnType<typeof compareMaps>) =>
  c.steps.map(
    (s) => `${s.status}:${s.right?.name ?? s.left?.name}${s.changes.length ? ` (${s.changes.join(",")})` : ""}`,
  );

describe("compareMaps", () => {
  it("finds nothing changed between a map and its untouched future state, through lineage", () => {
    const current = currentState();
    const result = compareMaps(current, deriveFutureState(current, { sourceMapId: "m" }));
    expect(result.matchedBy).toBe("lineage");
    expect(rows(result)).toEqual(["unchanged:Sees an ad", "unchanged:Fills the cart", "unchanged:Pays"]);
    expect(result.emotionDeltas.map((d) => d.delta)).toEqual([0, 0, 0]);
    expect(result.resolvedPainPoints).toEqual([]);
    expect(result.stages.map((s) => s.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("reports added, removed and changed steps in map order, with what changed", () => {
    const current = currentState();
    const future = edit(deriveFutureState(current, { sourceMapId: "m" }), (f) => [
      { op: "updateStep", stepId: stepIdOf(f, "Pays"), name: "Pays in one tap" },
      { op: "deleteStep", stepId: stepIdOf(f, "Sees an ad") },
      { op: "addStep", stageId: f.stages[1]!.id, name: "Gets a receipt by e-mail" },
      {
        op: "addCard",
        laneId: laneIdOf(f, "actions"),
        stepId: stepIdOf(f, "Fills the cart"),
        card: { kind: "action", text: "Sees the total with shipping" },
      },
    ]);
    const result = compareMaps(current, future);
    expect(rows(result)).toEqual([
      "removed:Sees an ad",
      "changed:Fills the cart (cards)",
      "changed:Pays in one tap (name)",
      "added:Gets a receipt by e-mail",
    ]);
    expect(result.summary).toMatchObject({ added: 1, removed: 1, changed: 2, unchanged: 0 });
    const cart = result.steps[1]!;
    expect(cart.cardChanges).toEqual([
      { laneType: "actions", laneName: "Actions", added: ["Sees the total with shipping"], removed: [] },
    ]);
  });

  it("tells a step moved to another stage, and a stage renamed", () => {
    const current = currentState();
    const future = edit(deriveFutureState(current, { sourceMapId: "m" }), (f) => [
      { op: "moveStep", stepId: stepIdOf(f, "Fills the cart"), stageId: f.stages[0]!.id },
      { op: "updateStage", stageId: f.stages[1]!.id, name: "Checkout" },
    ]);
    const result = compareMaps(current, future);
    expect(result.steps.find((s) => s.right?.name === "Fills the cart")!.changes).toEqual(["stage"]);
    expect(result.stages.map((s) => `${s.status}:${s.right?.name}`)).toEqual([
      "unchanged:Awareness",
      "changed:Checkout",
    ]);
  });

  it("measures emotion deltas per persona and step, and lists pain points resolved and new", () => {
    const current = currentState();
    const future = edit(deriveFutureState(current, { sourceMapId: "m" }), (f) => {
      const pay = stepIdOf(f, "Pays");
      const declined = f.cells.find((c) => c.stepId === pay && c.laneId === laneIdOf(f, "painPoints"))!.cards[0]!;
      return [
        { op: "setEmotion", personaId: "per_ana", stepId: pay, value: 1.5 },
        { op: "removeCard", cardId: declined.id },
        {
          op: "addCard",
          laneId: laneIdOf(f, "painPoints"),
          stepId: pay,
          card: { kind: "painPoint", text: "Wallet not supported on old phones", severity: 2 },
        },
      ];
    });
    const result = compareMaps(current, future);
    const ana = result.emotionDeltas.filter((d) => d.personaId === "per_ana").map((d) => [d.left, d.right, d.delta]);
    expect(ana).toEqual([
      [0, 0, 0],
      [-2, 1.5, 3.5],
    ]);
    expect(result.emotionDeltas.find((d) => d.personaId === "per_bo")!.delta).toBe(0);
    expect(result.resolvedPainPoints.map((p) => [p.card.text, p.stepName])).toEqual([
      ["Card declined without a reason", "Pays"],
    ]);
    expect(result.newPainPoints.map((p) => p.card.text)).toEqual(["Wallet not supported on old phones"]);
    expect(result.steps.find((s) => s.right?.name === "Pays")!.cardChanges[0]).toMatchObject({
      laneType: "painPoints",
      added: ["Wallet not supported on old phones [2/5]"],
      removed: ["Card declined without a reason [5/5]"],
    });
  });

  it("works with the future state on the left too", () => {
    const current = currentState();
    const future = edit(deriveFutureState(current, { sourceMapId: "m" }), (f) => [
      { op: "updateStep", stepId: stepIdOf(f, "Pays"), name: "Pays in one tap" },
    ]);
    const result = compareMaps(future, current);
    expect(result.matchedBy).toBe("lineage");
    expect(rows(result)).toEqual(["unchanged:Sees an ad", "unchanged:Fills the cart", "changed:Pays (name)"]);
  });

  it("matches unrelated maps by stage and step name, ignoring case and spacing; a renamed step is removed plus added", () => {
    const a = currentState();
    const b = edit(currentState(), (s) => [
      { op: "updateStep", stepId: stepIdOf(s, "Sees an ad"), name: "  SEES   an AD " },
      { op: "updateStep", stepId: stepIdOf(s, "Pays"), name: "Pays by card" },
    ]);
    const result = compareMaps(a, b);
    expect(result.matchedBy).toBe("name");
    expect(rows(result)).toEqual([
      "changed:  SEES   an AD  (name)",
      "unchanged:Fills the cart",
      "removed:Pays",
      "added:Pays by card",
    ]);
    expect(result.resolvedPainPoints).toEqual([]);
  });

  it("pairs steps with the same name in order, and finds two maps from one template the same", () => {
    const one = buildMapFromTemplate("ecommerce", { locale: "ru" });
    const two = buildMapFromTemplate("ecommerce", { locale: "ru" });
    const result = compareMaps(one, two);
    expect(result.summary).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: one.steps.length });
    // A second step with the same name in the same stage: the first pairs with the original, the copy is new.
    const twice = edit(one, (s) => [{ op: "addStep", stageId: s.stages[0]!.id, name: s.steps[0]!.name }]);
    const dup = compareMaps(one, twice);
    expect(dup.summary).toMatchObject({ added: 1, removed: 0, unchanged: one.steps.length });
    expect(dup.steps[1]!.status).toBe("added");
  });

  it("puts emotions on the left map's scale when the scales differ", () => {
    const current = currentState();
    const future = edit(deriveFutureState(current, { sourceMapId: "m" }), (f) => [
      { op: "updateSettings", settings: { emotionScale: { min: -10, max: 10, minLabel: "", maxLabel: "" } } },
      { op: "setEmotion", personaId: "per_ana", stepId: stepIdOf(f, "Pays"), value: 5 },
    ]);
    const delta = compareMaps(current, future).emotionDeltas.find((d) => d.personaId === "per_ana" && d.left === -2)!;
    expect([delta.right, delta.delta]).toEqual([5, 3]);
  });
});
