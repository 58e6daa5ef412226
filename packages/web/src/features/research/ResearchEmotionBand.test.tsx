// @vitest-environment jsdom
import type { MapJourneyStep, Step } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { EmotionLegend } from "../mapEditor/emotion/EmotionLegend.js";
import { emotionGeometry } from "../mapEditor/emotion/emotionGeometry.js";
import type { Slot } from "../mapEditor/store/MapView.js";
import { ResearchEmotionBand } from "./ResearchEmotionBand.js";
import { StepResearchContext, type StepResearch } from "./StepResearchContext.js";

const step = (id: string): Step =>
  ({ id, stageId: "sg", name: id, description: "", parallel: false, order: id }) as Step;
const SLOTS: Slot[] = ["s1", "s2", "s3", "s4"].map((id) => ({ key: id, stageId: "sg", steps: [step(id)] }));
const SCALE = { min: -2, max: 2, minLabel: "", maxLabel: "" };

const went = (stepId: string, emotions: number[]): MapJourneyStep => ({
  stepId,
  participants: emotions.length,
  participantCodes: emotions.map((_, i) => `P${i}`),
  emotions,
  min: Math.min(...emotions),
  max: Math.max(...emotions),
  mean: emotions.reduce((a, b) => a + b, 0) / emotions.length,
  notes: [],
});

function research(steps: MapJourneyStep[], participants: number): StepResearch {
  return {
    counts: new Map(),
    topQuotes: new Map(),
    journeys: { steps: new Map(steps.map((s) => [s.stepId, s])), participants, unmapped: [] },
    researchCardIds: new Set(),
    open: () => {},
  };
}

function renderBand(value: StepResearch | null, rtl = false) {
  const geometry = emotionGeometry(SLOTS, 100, 200, SCALE, rtl);
  renderWithI18n(
    <StepResearchContext.Provider value={value}>
      <ResearchEmotionBand geometry={geometry} stepIds={["s1", "s2", "s3", "s4"]} scale={SCALE} />
    </StepResearchContext.Provider>,
  );
  return geometry;
}

afterEach(cleanup);

describe("participants' emotions on the emotion lane", () => {
  it("draws, per step, a dot per participant from lowest to highest on the map's own scale, and breaks where nobody went", () => {
    const geometry = renderBand(research([went("s1", [-3, 0, 3]), went("s2", [1]), went("s4", [-1, -1])], 3));
    const band = screen.getByRole("img", { name: "How 3 participants felt at each step, from research" });
    const steps = screen.getAllByTestId("research-band-step");
    expect(steps.map((s) => [s.dataset.stepId, s.dataset.participants])).toEqual([
      ["s1", "3"],
      ["s2", "1"],
      ["s4", "2"],
    ]);
    // −3…+3 spans the map's −2…+2 end to end: the happiest participant sits at the top of the lane.
    const dots = steps[0]!.querySelectorAll("circle");
    expect([...dots].map((d) => Number(d.getAttribute("cy")))).toEqual([geometry.y(-2), geometry.y(0), geometry.y(2)]);
    expect(Number(dots[0]!.getAttribute("cx"))).toBe(geometry.x("s1"));
    expect(steps[0]!.querySelector("title")!.textContent).toBe("3 of 3 participants: −3 to +3");
    // s1–s2 make one band, s4 another: nobody went through s3.
    expect(band.querySelectorAll("polygon")).toHaveLength(2);
  });

  it("mirrors with the grid in a right-to-left language", () => {
    const geometry = renderBand(research([went("s1", [2])], 1), true);
    const dot = screen.getByTestId("research-band-step").querySelector("circle")!;
    expect(Number(dot.getAttribute("cx"))).toBe(geometry.x("s1"));
    expect(geometry.x("s1")).toBeGreaterThan(geometry.width / 2);
  });

  it("draws nothing without participants' journeys or outside the live editor", () => {
    renderBand(research([], 0));
    renderBand(null);
    expect(screen.queryByTestId("research-band")).toBeNull();
  });

  it("names the band 'research' in the lane's legend", () => {
    renderWithI18n(<EmotionLegend personas={[]} activeId={undefined} scale={SCALE} research />);
    expect(screen.getByTestId("emotion-kind-research").textContent).toBe("Research (participants)");
    expect(screen.getByTestId("emotion-curve-kinds").textContent).toContain("Assumed");
  });
});
