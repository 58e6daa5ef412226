// @vitest-environment jsdom
import type { SurveyQuote } from "@opencjm/core";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { StepResearchContext, type StepResearch } from "./StepResearchContext.js";
import { StepSurveyQuotes } from "./StepSurveyQuotes.js";

const answer = (text: string, participantCode: string | null, respondent: number, sentiment = 0): SurveyQuote => ({
  question: "What was hard?",
  text,
  sentiment,
  participantCode,
  respondent,
});

function renderLane(quotes: SurveyQuote[], count: number, opened: string[] = [], locale: UiLocale = "en") {
  const value: StepResearch = {
    counts: new Map(),
    topQuotes: new Map(),
    journeys: { steps: new Map(), participants: 0, unmapped: [] },
    surveyQuotes: new Map([["compare", { quotes, count }]]),
    researchCardIds: new Set(),
    open: (stepId, label) => opened.push(`${stepId}:${label}`),
  };
  renderWithI18n(
    <StepResearchContext.Provider value={value}>
      <StepSurveyQuotes stepId="compare" label="Compare prices" />
    </StepResearchContext.Provider>,
    locale,
  );
}

afterEach(cleanup);

describe("survey answers in the map's quotes lane", () => {
  it("shows the newest free-text answers with participant code or respondent row and the question, '+N more' opening the panel", () => {
    const opened: string[] = [];
    renderLane(
      [answer("Shipping cost surprised me", "P02", 2, -0.6), answer("Courier was late", null, 14, -0.4)],
      9,
      opened,
    );
    const shown = screen.getAllByTestId("survey-quote");
    expect(shown.map((q) => q.querySelector("q")?.textContent)).toEqual([
      "Shipping cost surprised me",
      "Courier was late",
    ]);
    expect(shown.map((q) => q.querySelector("span")?.textContent)).toEqual([
      "P02 · What was hard?",
      "respondent 14 · What was hard?",
    ]);
    expect(shown[0]!.dataset.tone).toBe("negative");
    expect(screen.getByRole("list", { name: "Survey answers at “Compare prices”" })).toBeTruthy();
    const more = screen.getByTestId("survey-quotes-more");
    expect(more.textContent).toBe("+7 more from surveys");
    fireEvent.click(more);
    expect(opened).toEqual(["compare:Compare prices"]);
  });

  it("keeps an answer's markup as text and offers nothing more when all are shown", () => {
    renderLane([answer("<img src=x onerror=alert(1)>", null, 3)], 1);
    expect(screen.getByTestId("survey-quote").querySelector("img")).toBeNull();
    expect(screen.getByTestId("survey-quote").textContent).toContain("<img src=x onerror=alert(1)>");
    expect(screen.queryByTestId("survey-quotes-more")).toBeNull();
  });

  it("words the respondent and the rest in the reader's language (Persian digits)", () => {
    renderLane([answer("پیک دیر رسید", null, 12)], 4, [], "fa");
    expect(screen.getByTestId("survey-quote").textContent).toContain("پاسخ‌دهنده ۱۲");
    expect(screen.getByTestId("survey-quotes-more").textContent).toBe("۳ پاسخ دیگر از پرسش‌نامه‌ها");
  });

  it("draws nothing outside the live editor, or at a step no survey answered in words", () => {
    renderWithI18n(<StepSurveyQuotes stepId="compare" label="Compare prices" />);
    expect(screen.queryByTestId("survey-quotes")).toBeNull();
    renderLane([], 0);
    expect(screen.queryByTestId("survey-quotes")).toBeNull();
  });
});
