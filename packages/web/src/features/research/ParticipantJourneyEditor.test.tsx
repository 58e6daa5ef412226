// @vitest-environment jsdom
import type { JourneyStepInput, ParticipantJourney } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { ParticipantJourneyEditor } from "./ParticipantJourneyEditor.js";

const MAP_STEPS = [
  { id: "s1", name: "Search" },
  { id: "s2", name: "Compare prices" },
  { id: "s3", name: "Pay" },
];
const DRAFT: ParticipantJourney = {
  participantId: "p1",
  participantCode: "P01",
  mapId: "m1",
  source: "highlights",
  steps: [
    { stepId: "s1", name: "Search", emotion: 1, note: "", missing: false },
    { stepId: "s3", name: "Pay", emotion: -3, note: "", missing: false },
  ],
  updatedAt: null,
};

function renderEditor(journey: ParticipantJourney, canWrite = true, locale: UiLocale = "en") {
  const saved: JourneyStepInput[][] = [];
  let resets = 0;
  renderWithI18n(
    <ParticipantJourneyEditor
      journey={journey}
      mapSteps={MAP_STEPS}
      canWrite={canWrite}
      saving={false}
      onSave={(steps) => saved.push(steps)}
      onReset={() => resets++}
    />,
    locale,
  );
  return { saved, resets: () => resets };
}

afterEach(cleanup);

describe("a participant's journey as a mini-map", () => {
  it("starts from the draft of their highlights and saves the steps they took, in order, with a step the map lacks", async () => {
    const user = userEvent.setup();
    const { saved } = renderEditor(DRAFT);
    expect(screen.getByTestId("journey-source").textContent).toContain("Drafted from P01's highlights");
    await user.click(screen.getByRole("button", { name: "Add a step the map lacks" }));
    await user.type(screen.getByRole("textbox", { name: "Step 3, which the map lacks" }), "Asked a friend");
    const rows = () => screen.getAllByTestId("journey-row");
    await user.selectOptions(within(rows()[2]!).getByRole("combobox", { name: "Emotion (−3 to +3)" }), "2");
    await user.type(within(rows()[2]!).getByRole("textbox", { name: "Note" }), "her sister runs");
    await user.click(screen.getByRole("button", { name: "Move step 3 up" }));
    await user.click(screen.getByRole("button", { name: "Add a step of the map" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Step 4, of the map" }), "s2");
    await user.click(screen.getByRole("button", { name: "Remove step 4" }));
    await user.click(screen.getByRole("button", { name: "Save journey" }));
    expect(saved).toEqual([
      [
        { stepId: "s1", emotion: 1, note: "" },
        { name: "Asked a friend", emotion: 2, note: "her sister runs" },
        { stepId: "s3", emotion: -3, note: "" },
      ],
    ]);
  });

  it("sends a step since deleted from the map back under its last name, and offers to go back to the draft", async () => {
    const user = userEvent.setup();
    const { saved, resets } = renderEditor({
      ...DRAFT,
      source: "entered",
      updatedAt: "2026-12-01T10:00:00.000Z",
      steps: [{ stepId: "gone", name: "Visit the shop", emotion: 0, note: "", missing: true }],
    });
    expect(screen.getByRole("textbox", { name: "Step 1, deleted from the map" })).toHaveProperty(
      "value",
      "Visit the shop",
    );
    await user.click(screen.getByRole("button", { name: "Save journey" }));
    expect(saved).toEqual([[{ name: "Visit the shop", emotion: 0, note: "" }]]);
    await user.click(screen.getByRole("button", { name: "Back to the draft from highlights" }));
    expect(resets()).toBe(1);
  });

  it("lets commenters and viewers read a journey without changing it", () => {
    renderEditor(DRAFT, false);
    expect(screen.queryByRole("button", { name: "Save journey" })).toBeNull();
    expect(screen.getAllByRole("combobox").every((c) => (c as HTMLSelectElement).disabled)).toBe(true);
  });

  it("speaks Persian, with its own digits", () => {
    renderEditor(DRAFT, true, "fa");
    expect(screen.getByRole("button", { name: "ذخیرهٔ سفر" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "گام ۲، از نقشه" })).toBeTruthy();
  });
});
