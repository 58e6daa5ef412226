// @vitest-environment jsdom
import type { MapResearchQuote } from "@opencjm/core";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { StepResearchContext, type StepResearch } from "./StepResearchContext.js";
import { StepResearchQuotes } from "./StepResearchQuotes.js";

const quote = (n: number, text: string, sentiment: number): MapResearchQuote => ({
  highlightId: `h${n}`,
  noteId: `n${n}`,
  stepId: "compare",
  text,
  kind: "quote",
  participantId: `p${n}`,
  participantCode: `P0${n}`,
  studyId: "st",
  studyTitle: "Spring interviews",
  sentiment,
  language: "en",
  tags: [],
});

function renderLane(highlights: number, quotes: MapResearchQuote[], opened: string[] = [], locale: UiLocale = "en") {
  const value: StepResearch = {
    counts: new Map([["compare", highlights]]),
    topQuotes: new Map([["compare", quotes]]),
    journeys: { steps: new Map(), participants: 0, unmapped: [] },
    researchCardIds: new Set(),
    open: (stepId, label) => opened.push(`${stepId}:${label}`),
  };
  renderWithI18n(
    <StepResearchContext.Provider value={value}>
      <StepResearchQuotes stepId="compare" label="Compare prices" />
    </StepResearchContext.Provider>,
    locale,
  );
}

afterEach(cleanup);

describe("research quotes in the map's quotes lane", () => {
  it("shows the newest highlights with participant code and study, and opens the step's panel for the rest", () => {
    const opened: string[] = [];
    renderLane(7, [quote(1, "Too many tabs open", -0.6), quote(2, "Found it cheaper elsewhere", 0.2)], opened);
    const shown = screen.getAllByTestId("research-quote");
    expect(shown.map((q) => q.querySelector("q")?.textContent)).toEqual([
      "Too many tabs open",
      "Found it cheaper elsewhere",
    ]);
    expect(shown[0]!.textContent).toContain("P01 · Spring interviews");
    expect(shown.map((q) => q.dataset.tone)).toEqual(["negative", "positive"]);
    fireEvent.click(screen.getByTestId("research-quotes-more"));
    expect(screen.getByTestId("research-quotes-more").textContent).toBe("+5 more from the studies");
    expect(opened).toEqual(["compare:Compare prices"]);
  });

  it("says nothing more when every highlight is shown, and keeps a quote's markup as text", () => {
    renderLane(1, [quote(1, "<img src=x onerror=alert(1)>", 0)]);
    expect(screen.getByTestId("research-quote").querySelector("img")).toBeNull();
    expect(screen.getByTestId("research-quote").textContent).toContain("<img src=x onerror=alert(1)>");
    expect(screen.queryByTestId("research-quotes-more")).toBeNull();
  });

  it("counts the rest in the reader's language (Russian plural)", () => {
    renderLane(25, [quote(1, "Дорого", -0.4)], [], "ru");
    expect(screen.getByTestId("research-quotes-more").textContent).toBe("ещё 24 из исследований");
  });

  it("draws nothing outside the live editor, where no research is loaded", () => {
    renderWithI18n(<StepResearchQuotes stepId="compare" label="Compare prices" />);
    expect(screen.queryByTestId("research-quotes")).toBeNull();
  });
});
