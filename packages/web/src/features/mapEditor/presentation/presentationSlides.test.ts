import { applyMapOperations, docToSnapshot, type MapOperation } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { presentationSlides } from "./presentationSlides.js";

/** The test map (an action in "Awareness") with a pain point at "Pays" and a feeling at "Fills the cart". */
function presentedMap() {
  const doc = buildTestMapDoc();
  applyMapOperations(doc, [
    { op: "addCard", laneId: "pains", stepId: "pay", card: { kind: "painPoint", text: "Card declined", severity: 4 } },
    { op: "setEmotion", personaId: "p1", stepId: "cart", value: -1 },
  ] as MapOperation[]);
  return docToSnapshot(doc);
}

const laneIds = (snapshot: { lanes: ReadonlyArray<{ id: string }> }) => snapshot.lanes.map((l) => l.id);

describe("presentation slides", () => {
  it("shows one stage per slide in the map's order, with only the lanes that have something in its steps", () => {
    const slides = presentationSlides(presentedMap(), "stages");
    expect(slides.map((s) => s.stageId)).toEqual(["aware", "buy"]);
    expect(laneIds(slides[0]!.snapshot)).toEqual(["actions"]);
    expect(slides[0]!.snapshot.steps.map((s) => s.id)).toEqual(["ad"]);
    expect(laneIds(slides[1]!.snapshot)).toEqual(["pains", "feel"]);
    expect(slides[1]!.snapshot.steps.map((s) => s.id)).toEqual(["cart", "pay"]);
  });

  it("presents the whole map as one slide without its empty or hidden lanes", () => {
    const snapshot = presentedMap();
    const [whole] = presentationSlides(
      { ...snapshot, lanes: snapshot.lanes.map((l) => (l.id === "actions" ? { ...l, hidden: true } : l)) },
      "whole",
    );
    expect(whole!.stageId).toBeNull();
    expect(whole!.snapshot.steps).toHaveLength(3);
    expect(laneIds(whole!.snapshot)).toEqual(["pains", "feel"]);
  });
});
