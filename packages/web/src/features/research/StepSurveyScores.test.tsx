// @vitest-environment jsdom
import type { MapSurveyScores } from "@opencjm/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createQueryClient } from "../../app/queryClient.js";
import { catalogueOf } from "../../app/testing/renderWithI18n.js";
import { createI18n, StaticI18nProvider } from "../../i18n/I18nProvider.js";
import { StepSurveyScores } from "./StepSurveyScores.js";
import { mapSurveyScoresQuery } from "./surveyQueries.js";

const scores: MapSurveyScores = {
  mapId: "map_1",
  steps: [
    {
      stepId: "pay",
      scores: [{ surveyId: "srv_1", question: "Ease (CES)", scale: "ces", count: 4, mean: 4.5, nps: null }],
      quotes: [
        {
          question: "What was hard?",
          text: "Courier was late",
          sentiment: -0.4,
          participantCode: null,
          respondent: 14,
        },
        { question: "What was hard?", text: "Too many steps", sentiment: -0.3, participantCode: "P01", respondent: 1 },
      ],
      quoteCount: 63,
    },
  ],
};

/** The panel's survey section with the map's survey answers already fetched (as the map's provider fetched them). */
function renderScores(stepId: string) {
  const client = createQueryClient();
  client.setQueryData(mapSurveyScoresQuery("ws_1", "map_1").queryKey, scores);
  render(
    <QueryClientProvider client={client}>
      <StaticI18nProvider i18n={createI18n("en", catalogueOf("en"))}>
        <StepSurveyScores workspaceId="ws_1" mapId="map_1" stepId={stepId} />
      </StaticI18nProvider>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe("a step's survey answers in its research panel", () => {
  it("counts every free-text answer, lists the newest with participant code or respondent row, and shows the scores", () => {
    renderScores("pay");
    expect(screen.getByRole("heading", { level: 4 }).textContent).toBe("63 free-text answers");
    expect(screen.getAllByTestId("step-survey-quote").map((q) => q.querySelector("strong")?.textContent)).toEqual([
      "respondent 14",
      "P01",
    ]);
    expect(screen.getByTestId("step-survey-mean").textContent).toBe("mean 4.5 on 1–7");
  });

  it("draws nothing for a step no survey answered", () => {
    renderScores("browse");
    expect(screen.queryByTestId("step-survey-scores")).toBeNull();
  });
});
