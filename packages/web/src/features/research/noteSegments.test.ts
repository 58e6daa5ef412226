import { describe, expect, it } from "vitest";
import { noteSegments } from "./noteSegments.js";

describe("a note's text cut at its highlights", () => {
  it("keeps every character once, in order, and marks the highlighted runs", () => {
    const text = "I compared prices on three sites before buying.";
    const segments = noteSegments(text, [{ id: "h1", start: 2, end: 16 }]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.map((s) => [s.text, s.highlightIds])).toEqual([
      ["I ", []],
      ["compared price", ["h1"]],
      ["s on three sites before buying.", []],
    ]);
  });

  it("gives overlapping highlights a run covered by both", () => {
    const segments = noteSegments("Доставка слишком дорогая", [
      { id: "a", start: 0, end: 16 },
      { id: "b", start: 9, end: 24 },
    ]);
    expect(segments.map((s) => [s.text, s.highlightIds])).toEqual([
      ["Доставка ", ["a"]],
      ["слишком", ["a", "b"]],
      [" дорогая", ["b"]],
    ]);
  });

  it("clips a highlight past the end of a shortened note and drops empty ones", () => {
    const segments = noteSegments("قیمت بالا بود", [
      { id: "past", start: 5, end: 99 },
      { id: "empty", start: 3, end: 3 },
    ]);
    expect(segments.map((s) => [s.text, s.highlightIds])).toEqual([
      ["قیمت ", []],
      ["بالا بود", ["past"]],
    ]);
  });

  it("also cuts where a subtitle cue starts, so its time can be drawn there", () => {
    const text = "Ann: Hello\nBob: Too expensive";
    const segments = noteSegments(text, [{ id: "h", start: 16, end: 29 }], [0, 11, 99]);
    expect(segments.map((s) => [s.start, s.text, s.highlightIds])).toEqual([
      [0, "Ann: Hello\n", []],
      [11, "Bob: ", []],
      [16, "Too expensive", ["h"]],
    ]);
  });
});
