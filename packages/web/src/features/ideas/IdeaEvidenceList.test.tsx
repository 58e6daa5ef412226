// @vitest-environment jsdom
import type { IdeaEvidence } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { IdeaEvidenceList } from "./IdeaEvidenceList.js";

const step = {
  mapId: "m1",
  stepId: "s1",
  stepName: "Compares prices",
  customers: 1200,
  dropOff: 300,
  dropOffRate: 0.25,
  sentiment: -0.4,
  feedbackCount: 40,
  quoteCards: 2,
};
const evidence: IdeaEvidence = {
  steps: [
    { ...step, highlights: 3, highlightParticipants: 2, highlightNotes: 2 },
    { ...step, stepId: "s2", stepName: "Buys", highlights: 0, highlightParticipants: 0, highlightNotes: 0 },
  ],
  research: { highlights: 5, participants: 3, notes: 4, onIdea: 1 },
  unmeasured: [],
};

describe("the evidence behind an idea", () => {
  afterEach(cleanup);

  it("shows the research highlights at each step and in all, with their participants and notes", () => {
    renderWithI18n(<IdeaEvidenceList evidence={evidence} loading={false} />);
    const [pricing, buying] = screen.getAllByRole("listitem");
    expect(pricing!.textContent).toContain("research highlights: 3 (participants: 2, notes: 2)");
    // A step without highlights says nothing about them.
    expect(buying!.textContent).not.toContain("research");
    expect(screen.getByTestId("idea-evidence-research").textContent).toBe(
      "Research highlights on the idea and its steps: 5 (participants: 3, notes: 4; on the idea itself: 1)",
    );
  });

  it("says it in Persian, with Persian digits", () => {
    renderWithI18n(<IdeaEvidenceList evidence={evidence} loading={false} />, "fa");
    expect(screen.getByTestId("idea-evidence-research").textContent).toContain("۵");
    expect(screen.getByTestId("idea-evidence-research").textContent).toMatch(/^مخزن پژوهش/);
  });

  it("leaves the research out when nothing is anchored to the idea or its steps", () => {
    const none = { ...evidence, research: { highlights: 0, participants: 0, notes: 0, onIdea: 0 } };
    renderWithI18n(<IdeaEvidenceList evidence={none} loading={false} />);
    expect(screen.queryByTestId("idea-evidence-research")).toBeNull();
  });
});
