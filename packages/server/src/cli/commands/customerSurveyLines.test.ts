import type { CustomerTimeline } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { formatCustomerTimeline } from "./customerCommand.js";

const timeline: CustomerTimeline = {
  identifiers: [{ kind: "email", value: "ana@example.test" }],
  mergeLog: [],
  attributes: {},
  eventCount: 0,
  events: [],
  map: null,
  surveyAnswers: [
    {
      surveyId: "srv_2",
      fileName: "newer.csv",
      studyTitle: "Checkout survey",
      question: "What could be better?",
      scale: "text",
      mapId: "map_1",
      mapTitle: "Shoe shop",
      stepId: "st_1",
      stepName: "Compares products",
      value: null,
      text: "Faster checkout\u001b[31m please",
      importedAt: "2026-03-02T10:00:00.000Z",
    },
    {
      surveyId: "srv_1",
      fileName: "older.csv",
      studyTitle: "Checkout survey",
      question: "Ease (CES)",
      scale: "ces",
      mapId: null,
      mapTitle: null,
      stepId: null,
      stepName: null,
      value: 6,
      text: null,
      importedAt: "2026-03-01T09:00:00.000Z",
    },
  ],
};

describe("cjm customer's survey answers", () => {
  it("lists each answer with its value on the scale's range or the words, its step, survey, study and date", () => {
    const text = formatCustomerTimeline(timeline);
    expect(text.split("\n").slice(-5)).toEqual([
      "2 survey answers:",
      expect.stringMatching(/^ {2}What could be better\?: “Faster checkout.*please”$/),
      "      step “Compares products” of “Shoe shop”; newer.csv (study “Checkout survey”), imported 2026-03-02",
      "  Ease (CES): 6 (1–7)",
      "      not on a map; older.csv (study “Checkout survey”), imported 2026-03-01",
    ]);
    // A control character in a respondent's words cannot drive the terminal.
    expect(text).not.toContain("\u001b");
  });

  it("says nothing of surveys for a customer who answered none", () => {
    expect(formatCustomerTimeline({ ...timeline, surveyAnswers: [] })).not.toContain("survey");
  });
});
