import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { MapSettingsSchema } from "../schemas/journeyMap.js";
import { applyMapOperations } from "./applyMapOperations.js";
import { checkMapChanges, type MapDocumentProblem } from "./checkMapChanges.js";
import { createMapDocument, mapRoots, toEntity } from "./mapDocument.js";

function starter() {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Checked", type: "currentState" }));
  applyMapOperations(doc, [
    { op: "addStage", id: "s1", name: "Stage" },
    { op: "addStep", id: "p1", stageId: "s1", name: "Step" },
    { op: "addLane", id: "l1", type: "actions", name: "Actions" },
    { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "action", text: "hello" } },
  ]);
  return doc;
}

/** Runs `change` in one transaction on a copy of `doc` and returns what checkMapChanges finds. */
function problemsOf(doc: Y.Doc, change: (copy: Y.Doc) => void): MapDocumentProblem[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let problems: MapDocumentProblem[] = [];
  copy.on("afterTransaction", (tr: Y.Transaction) => (problems = checkMapChanges(copy, tr)));
  copy.transact(() => change(copy));
  return problems;
}

describe("checking what a live edit changed in a map", () => {
  const doc = starter();
  const c1 = [...mapRoots(doc).cards.keys()][0]!;

  it("accepts every typed operation's change", () => {
    expect(
      problemsOf(doc, (d) =>
        applyMapOperations(d, [
          { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "action", text: "more" } },
          { op: "updateStage", stageId: "s1", name: "Renamed" },
          { op: "setEmotion", personaId: "per1", stepId: "p1", value: 1 },
        ]),
      ),
    ).toEqual([]);
    expect(problemsOf(doc, (d) => applyMapOperations(d, [{ op: "deleteStep", stepId: "p1" }]))).toEqual([]);
  });

  it("names a card whose fields break its schema, set field by field as a hostile client would", () => {
    expect(problemsOf(doc, (d) => mapRoots(d).cards.get(c1)!.set("text", 42))).toEqual([
      { path: `cards.${c1}.text`, message: expect.any(String) },
    ]);
    expect(problemsOf(doc, (d) => mapRoots(d).cards.get(c1)!.set("kind", "bogus"))).toEqual([
      { path: expect.stringContaining(`cards.${c1}`), message: expect.any(String) },
    ]);
    expect(problemsOf(doc, (d) => mapRoots(d).cards.get(c1)!.set("text", "x".repeat(20_001)))).toHaveLength(1);
    expect(
      problemsOf(doc, (d) =>
        mapRoots(d).cards.set("c2", toEntity({ id: "c2", kind: "action", text: "no lane", order: "a0", stepId: "p1" })),
      ),
    ).toEqual([{ path: "cards.c2.laneId", message: "must be an id" }]);
    expect(problemsOf(doc, (d) => mapRoots(d).cards.get(c1)!.set("nested", new Y.Map()))).toEqual([
      { path: `cards.${c1}.nested`, message: "fields hold plain values" },
    ]);
  });

  it("names broken stages, settings, emotion points, versions and parts that are not a map's", () => {
    expect(problemsOf(doc, (d) => mapRoots(d).stages.get("s1")!.set("name", "n".repeat(201)))).toEqual([
      { path: "stages.s1.name", message: expect.any(String) },
    ]);
    expect(problemsOf(doc, (d) => mapRoots(d).stages.set("s2", "not an entity" as unknown as Y.Map<unknown>))).toEqual([
      { path: "stages.s2", message: "a stage must be a map of fields" },
    ]);
    expect(problemsOf(doc, (d) => mapRoots(d).settings.set("type", "nonsense"))).toEqual([
      { path: "settings.type", message: expect.any(String) },
    ]);
    expect(
      problemsOf(doc, (d) => mapRoots(d).emotions.set("per1:p1", { value: "happy" as unknown as number, note: "" })),
    ).toEqual([{ path: "emotions.per1:p1.value", message: "must be a number" }]);
    expect(problemsOf(doc, (d) => mapRoots(d).meta.set("version", 99))).toEqual([
      { path: "meta.version", message: "must stay 1" },
    ]);
    expect(problemsOf(doc, (d) => d.getMap("elsewhere").set("x", 1))).toEqual([
      { path: "elsewhere", message: '"elsewhere" is not a part of a map' },
    ]);
  });
});
