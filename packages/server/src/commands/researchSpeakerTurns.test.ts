import { describe, expect, it } from "vitest";
import { parseSubtitles } from "../researchImport/parseSubtitles.js";
import { shiftedPosition, withoutSpeakerTurns } from "./researchSpeakerTurns.js";

describe("cutting one participant's turns from a shared note", () => {
  it("cuts turns run together on one line, keeping the other speakers' words", () => {
    const cut = withoutSpeakerTurns("P01: Too many fields. P02: It was fine for me.", [], "P01", ["P01", "P02"]);
    expect(cut).toMatchObject({ text: "P02: It was fine for me.", turns: 1 });
  });

  it("cuts a typed turn with its continuation lines up to the next speaker, and a last turn with its line", () => {
    const text = [
      "Interviewer: How was paying?",
      "p01: Slow.",
      "It took ages.",
      "Interviewer: And delivery?",
      "P02: Fast.",
      "P01: Late, twice.",
    ].join("\n");
    const cut = withoutSpeakerTurns(text, [], "P01", ["P01", "P02"]);
    expect(cut.text).toBe("Interviewer: How was paying?\nInterviewer: And delivery?\nP02: Fast.");
    expect(cut.turns).toBe(2);
    // A position after the cut moves back by what was cut before it.
    const fast = text.indexOf("Fast");
    expect(cut.text.slice(shiftedPosition(cut.removed, fast), shiftedPosition(cut.removed, fast + 4))).toBe("Fast");
  });

  it("stops a turn at a blank line and leaves words that only mention the code", () => {
    const text = "P01: Too expensive.\n\nSummary: P01 and P02 disagreed about price.";
    const cut = withoutSpeakerTurns(text, [], "P01", ["P01", "P02"]);
    expect(cut.text).toBe("\n\nSummary: P01 and P02 disagreed about price.");
  });

  it("cuts a subtitle transcript's cues by speaker and moves the remaining cues' positions", () => {
    const vtt = [
      "WEBVTT",
      "",
      "00:00:01.000 --> 00:00:03.000",
      "<v Moderator>Как вы платили?",
      "",
      "00:00:03.000 --> 00:00:06.000",
      "<v P01>Долго и неудобно.",
      "",
      "00:00:06.000 --> 00:00:08.000",
      "<v P01>Очень долго.",
      "",
      "00:00:08.000 --> 00:00:09.000",
      "<v P02>Мне понравилось.",
    ].join("\n");
    const { text, segments } = parseSubtitles(vtt, "vtt", "group.vtt");
    const cut = withoutSpeakerTurns(text, segments, "P01", ["P01", "P02"]);
    expect(cut.text).toBe("Moderator: Как вы платили?\nP02: Мне понравилось.");
    expect(cut.turns).toBe(2);
    expect(cut.segments.map((s) => [s.speaker, s.startMs, cut.text.slice(s.textStart, s.textEnd)])).toEqual([
      ["Moderator", 1000, "Moderator: Как вы платили?"],
      ["P02", 8000, "P02: Мне понравилось."],
    ]);
  });

  it("leaves a note without the participant's turns as it was", () => {
    const cut = withoutSpeakerTurns("P02: 运费太贵了。", [], "P01", ["P01", "P02"]);
    expect(cut).toEqual({ text: "P02: 运费太贵了。", segments: [], removed: [], turns: 0 });
  });
});
