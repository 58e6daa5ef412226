import { describe, expect, it } from "vitest";
import { applyMapOperations } from "./applyMapOperations.js";
import { docToSnapshot, snapshotToDoc } from "./mapSnapshot.js";
import { MapOperationSchema } from "./mapOperation.js";
import { buildTestMap } from "./testMap.js";
import { upgradeSnapshot } from "./upgradeSnapshot.js";

const goals = (doc: Parameters<typeof docToSnapshot>[0]) =>
  docToSnapshot(doc)
    .steps.filter((s) => s.goal)
    .map((s) => s.id);

describe("the journey's goal step", () => {
  it("is absent on maps that never marked one, so their snapshots read as before", () => {
    const { doc } = buildTestMap();
    expect(docToSnapshot(doc).steps.every((s) => !("goal" in s))).toBe(true);
  });

  it("is marked on one step and moves when another step is marked", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [{ op: "updateStep", stepId: "cart", goal: true }]);
    expect(goals(doc)).toEqual(["cart"]);
    applyMapOperations(doc, [{ op: "updateStep", stepId: "pay", goal: true }]);
    expect(goals(doc)).toEqual(["pay"]);
  });

  it("is unmarked, leaving no trace on the step", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [{ op: "updateStep", stepId: "pay", goal: true }]);
    applyMapOperations(doc, [{ op: "updateStep", stepId: "pay", goal: false }]);
    expect(goals(doc)).toEqual([]);
    expect("goal" in docToSnapshot(doc).steps.find((s) => s.id === "pay")!).toBe(false);
  });

  it("survives the JSON export and import and a backup's restore", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [{ op: "updateStep", stepId: "pay", goal: true }]);
    const json = JSON.parse(JSON.stringify(docToSnapshot(doc))) as unknown;
    const { snapshot } = upgradeSnapshot(json);
    expect(goals(snapshotToDoc(snapshot))).toEqual(["pay"]);
  });

  it("lets a map stored before goals existed load, and be given one", () => {
    const { doc } = buildTestMap();
    const stored = JSON.parse(JSON.stringify(docToSnapshot(doc))) as { steps: Array<Record<string, unknown>> };
    expect(stored.steps.some((s) => "goal" in s)).toBe(false);
    const restored = snapshotToDoc(upgradeSnapshot(stored).snapshot);
    expect(goals(restored)).toEqual([]);
    applyMapOperations(restored, [{ op: "updateStep", stepId: "pay", goal: true }]);
    expect(goals(restored)).toEqual(["pay"]);
  });

  it("refuses a goal that is not a yes or no", () => {
    const sent = MapOperationSchema.safeParse({ op: "updateStep", stepId: "pay", goal: "yes" });
    expect(sent.success).toBe(false);
    expect(sent.error?.issues[0]?.path).toEqual(["goal"]);
  });
});
