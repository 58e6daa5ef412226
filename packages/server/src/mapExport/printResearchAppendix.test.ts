import type { Locale, MapResearchQuote } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { demoExportInput } from "./exportFixtures.js";
import type { ExportInput, ExportResearch } from "./ExportInput.js";
import { printAppendix } from "./printAppendix.js";
import { printResearchAppendix } from "./printResearchAppendix.js";

/** The demo map with research on two steps: five quotes and a journey at the first, a survey score at the second. */
function researchedInput(locale: Locale): { input: ExportInput; first: string; second: string } {
  const input = demoExportInput(undefined, locale);
  const [stepA, stepB] = input.snapshot.steps.filter((s) => s.stageId === input.snapshot.stages[0]!.id);
  const quote = (n: number, sentiment: number): MapResearchQuote => ({
    highlightId: `hl_${n}`,
    noteId: "note_1",
    stepId: stepA!.id,
    text: `Quote number ${n}`,
    kind: "quote",
    participantId: `par_${n}`,
    participantCode: `P0${n}`,
    studyId: "stu_1",
    studyTitle: "Runners' interviews",
    sentiment,
    language: "en",
    tags: ["price"],
  });
  const research: ExportResearch = {
    journeys: {
      mapId: input.map.id,
      participants: 10,
      steps: [
        {
          stepId: stepA!.id,
          participants: 7,
          participantCodes: [],
          emotions: [-2, -1, 0, 1, 1, 2, 3],
          min: -2,
          max: 3,
          mean: 0.57,
          notes: [],
        },
      ],
      unmapped: [],
    },
    quotes: [quote(1, 0.8), quote(2, -0.6), quote(3, 0), quote(4, 0.3), quote(5, -0.9)],
    surveys: {
      mapId: input.map.id,
      steps: [
        {
          stepId: stepB!.id,
          scores: [{ surveyId: "sur_1", question: "How easy?", scale: "likert5", count: 12, mean: 4.25, nps: null }],
          quotes: [],
          quoteCount: 0,
        },
      ],
    },
  };
  return { input: { ...input, research }, first: stepA!.name, second: stepB!.name };
}

describe("the PDF's research appendix", () => {
  it("prints per step '7 of 10', the emotion spread, the quotes by sentiment and the survey scores", () => {
    const { input, first, second } = researchedInput("en");
    const [steps] = printResearchAppendix(input);
    expect(steps!.title).toBe("Research by step");
    expect(steps!.headers).toEqual([
      "Stage",
      "Step",
      "Participants",
      "Emotion (lowest / median / highest)",
      "Quotes (positive / neutral / negative)",
      "Survey scores",
    ]);
    expect(steps!.rows.map((r) => r.slice(1))).toEqual([
      [first, "7 of 10", "-2 / +1 / +3", "5 (2 / 1 / 2)", ""],
      [second, "0 of 10", "", "", "How easy?: 4.25 (n = 12)"],
    ]);
  });

  it("prints three quotes of a step with participant codes and counts the rest as '+2 more'", () => {
    const { input, first } = researchedInput("en");
    const quotes = printResearchAppendix(input)[1]!;
    expect(quotes.headers).toEqual(["Step", "Quote", "Participant", "Study", "Sentiment", "Tags"]);
    expect(quotes.rows).toEqual([
      [first, "Quote number 1", "P01", "Runners' interviews", "Positive", "price"],
      [first, "Quote number 2", "P02", "Runners' interviews", "Negative", "price"],
      [first, "Quote number 3", "P03", "Runners' interviews", "Neutral", "price"],
      [first, "+2 more", "", "", "", ""],
    ]);
  });

  it("counts a step's free-text survey answers and prints the three newest, by participant code or row", () => {
    const { input, first } = researchedInput("en");
    const answer = (n: number, participantCode: string | null, sentiment: number) => ({
      question: "What was hard?",
      text: `Answer ${n}`,
      sentiment,
      participantCode,
      respondent: 40 - n,
    });
    const stepA = input.research!.journeys.steps[0]!.stepId;
    const surveys = {
      ...input.research!.surveys,
      steps: [
        ...input.research!.surveys.steps,
        {
          stepId: stepA,
          scores: [],
          quotes: [answer(1, "P07", -0.7), answer(2, null, 0.6), answer(3, null, 0), answer(4, "P01", 0)],
          quoteCount: 9,
        },
      ],
    };
    const tables = printResearchAppendix({ ...input, research: { ...input.research!, surveys } });
    expect(tables[0]!.rows[0]![5]).toBe("Free-text answers: 9");
    expect(tables[2]!.title).toBe("Survey free-text answers (newest)");
    expect(tables[2]!.headers).toEqual(["Step", "Answer", "Respondent", "Question", "Sentiment"]);
    expect(tables[2]!.rows).toEqual([
      [first, "Answer 1", "P07", "What was hard?", "Negative"],
      [first, "Answer 2", "Respondent 38", "What was hard?", "Positive"],
      [first, "Answer 3", "Respondent 37", "What was hard?", "Neutral"],
      [first, "+6 more", "", "", ""],
    ]);
  });

  it("is worded in the export's language, Persian with its own digits", () => {
    const tables = printResearchAppendix(researchedInput("fa").input);
    expect(tables[0]!.title).toBe("پژوهش به تفکیک گام");
    expect(tables[0]!.rows[0]![2]).toBe("۷ از ۱۰");
    expect(tables[1]!.rows.at(-1)![1]).toBe("۲ مورد دیگر");
  });

  it("is left out when the export carries no research, and the other appendix tables never carry it", () => {
    const { input } = researchedInput("en");
    expect(printResearchAppendix({ ...input, research: undefined })).toEqual([]);
    expect(JSON.stringify(printAppendix(input))).not.toContain("Quote number");
    const empty: ExportResearch = {
      journeys: { mapId: input.map.id, participants: 0, steps: [], unmapped: [] },
      quotes: [],
      surveys: { mapId: input.map.id, steps: [] },
    };
    expect(printResearchAppendix({ ...input, research: empty })).toEqual([]);
  });
});
