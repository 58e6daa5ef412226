import { applyMapOperations, docToSnapshot, MapOperationSchema, type MapOperationInput } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { dropOperation, moveLaneBy, moveStageBy, moveStepBy } from "./reorderOperations.js";

function run(make: (view: ReturnType<typeof createLiveMapView>) => MapOperationInput | null) {
  const doc = buildTestMapDoc();
  const view = createLiveMapView(doc);
  const op = make(view);
  if (op) applyMapOperations(doc, [MapOperationSchema.parse(op)]);
  const s = docToSnapshot(doc);
  return {
    op,
    stages: s.stages.map((x) => x.id),
    steps: s.steps.map((x) => `${x.stageId}/${x.id}`),
    lanes: s.lanes.map((l) => l.id),
  };
}

describe("reordering by keyboard and drag", () => {
  it("moves a stage later and refuses to move the last one further", () => {
    expect(run((v) => moveStageBy(v.getStructure(), "aware", 1)).stages).toEqual(["buy", "aware"]);
    expect(run((v) => moveStageBy(v.getStructure(), "buy", 1)).op).toBeNull();
  });

  it("moves a step within its stage, then across into the neighbouring stage", () => {
    expect(run((v) => moveStepBy(v.getStructure(), "pay", -1)).steps).toEqual(["aware/ad", "buy/pay", "buy/cart"]);
    expect(run((v) => moveStepBy(v.getStructure(), "cart", -1)).steps).toEqual(["aware/ad", "aware/cart", "buy/pay"]);
    expect(run((v) => moveStepBy(v.getStructure(), "ad", 1)).steps).toEqual(["buy/ad", "buy/cart", "buy/pay"]);
    expect(run((v) => moveStepBy(v.getStructure(), "ad", -1)).op).toBeNull();
  });

  it("moves a lane among the lanes shown", () => {
    expect(run(() => moveLaneBy(["actions", "pains", "front"], "front", -1)).lanes).toEqual([
      "actions",
      "front",
      "pains",
      "feel",
      "back",
    ]);
    expect(run(() => moveLaneBy(["actions", "pains"], "actions", -1)).op).toBeNull();
  });

  it("turns drops into moves: stage before stage, step onto a stage, step after a step of another stage", () => {
    expect(
      run((v) => dropOperation(v.getStructure(), "stage", "buy", { kind: "stage", id: "aware" }, "before")).stages,
    ).toEqual(["buy", "aware"]);
    expect(
      run((v) => dropOperation(v.getStructure(), "step", "ad", { kind: "stage", id: "buy" }, "after")).steps,
    ).toEqual(["buy/cart", "buy/pay", "buy/ad"]);
    expect(
      run((v) => dropOperation(v.getStructure(), "step", "pay", { kind: "step", id: "ad" }, "before")).steps,
    ).toEqual(["aware/pay", "aware/ad", "buy/cart"]);
    expect(
      run((v) => dropOperation(v.getStructure(), "lane", "back", { kind: "lane", id: "actions" }, "before")).lanes[0],
    ).toBe("back");
    expect(
      run((v) => dropOperation(v.getStructure(), "lane", "back", { kind: "stage", id: "aware" }, "before")).op,
    ).toBeNull();
  });
});
