// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import type { MapImportPreview } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { ImportPreviewSummary } from "./ImportPreviewSummary.js";

const preview: MapImportPreview = {
  format: "ojf",
  title: "Buying a coffee maker",
  type: "currentState",
  stages: [{ name: "Discovery", steps: ["Search", "Excitement"] }],
  lanes: [{ name: "User Actions", type: "actions", cards: 1 }],
  personas: ["Jane"],
  touchpoints: [],
  counts: { stages: 1, steps: 2, lanes: 1, cells: 1, cards: 1, emotions: 2 },
  report: {
    fromVersion: "1.0",
    dropped: [
      {
        path: "nodes[].tags",
        reason: "cards have no tags (2 nodes)",
        code: "cardsHaveNoTags",
        values: { count: 2, of: "nodes" },
        texts: ["Mobile", "<b>Desktop</b>"],
      },
    ],
    notes: [],
  },
  reusedPersonas: [],
};

describe("the import preview", () => {
  it("shows what the map keeps and, for what it leaves out, where it was, why, and every text it held", () => {
    renderWithI18n(<ImportPreviewSummary preview={preview} />);
    expect(screen.getByTestId("import-stages").textContent).toContain("Discovery");
    const dropped = screen.getByTestId("import-dropped");
    expect(dropped.textContent).toContain("nodes[].tags — cards have no tags (2 nodes)");
    const texts = within(dropped).getAllByRole("listitem").slice(1);
    expect(texts.map((li) => li.textContent)).toEqual(["Mobile", "<b>Desktop</b>"]);
    expect(dropped.querySelector("b")).toBeNull();
  });
});
