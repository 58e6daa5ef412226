// @vitest-environment jsdom
import type { MapJourneyStep } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { StepJourneySummary } from "./StepJourneySummary.js";

const journey: MapJourneyStep = {
  stepId: "s1",
  participants: 2,
  participantCodes: ["P01", "P02"],
  emotions: [-2, 1],
  min: -2,
  max: 1,
  mean: -0.5,
  notes: [
    { participantCode: "P01", note: "Искал, где ввести промокод" },
    { participantCode: "P02", note: "<b>کد تخفیف</b> را پیدا نکردم" },
  ],
};

afterEach(cleanup);

describe("a step's participants in its research panel", () => {
  it("shows what each participant wrote on the step of their own journey, under the participants", () => {
    renderWithI18n(<StepJourneySummary workspaceId="w1" mapId="m1" journey={journey} participants={3} lacking={[]} />);
    expect(screen.getByTestId("step-participants").textContent).toContain("2 of 3");
    expect(screen.getByRole("heading", { name: "In their own words" })).toBeTruthy();
    const notes = screen.getAllByTestId("step-journey-note").map((li) => li.textContent);
    expect(notes).toEqual(["P01: Искал, где ввести промокод", "P02: <b>کد تخفیف</b> را پیدا نکردم"]);
    // A participant's words stay text, and each note takes its own direction (Persian right to left).
    expect(document.querySelector("[data-testid=step-journey-notes] b")).toBeNull();
    expect(screen.getAllByTestId("step-journey-note")[1]!.querySelector("bdi[dir=auto]")).not.toBeNull();
  });

  it("leaves the heading out when nobody wrote anything, and names it in Persian", () => {
    const { unmount } = renderWithI18n(
      <StepJourneySummary
        workspaceId="w1"
        mapId="m1"
        journey={{ ...journey, notes: [] }}
        participants={3}
        lacking={[]}
      />,
    );
    expect(screen.queryByTestId("step-journey-notes")).toBeNull();
    unmount();
    renderWithI18n(
      <StepJourneySummary workspaceId="w1" mapId="m1" journey={journey} participants={3} lacking={[]} />,
      "fa",
    );
    expect(screen.getByRole("heading", { name: "به گفتهٔ خودشان" })).toBeTruthy();
  });
});
