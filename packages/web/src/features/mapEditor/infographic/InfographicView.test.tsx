// @vitest-environment jsdom
import { applyMapOperations, docToSnapshot, type Infographic, type MapOperation } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../../i18n/locales.js";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import type { SharedMap } from "../shared/useSharedMap.js";
import { InfographicView } from "./InfographicView.js";

afterEach(cleanup);
// jsdom loads no fonts and has no FontFaceSet; the page waits for one before it measures.
if (!("fonts" in document)) Object.defineProperty(document, "fonts", { value: { ready: Promise.resolve() } });

const SUMMARY: Infographic = {
  pains: [{ text: "Card declined", severity: 5, step: "Pays" }],
  opportunities: [{ text: "Offer PayPal", step: "Pays", ideas: 1 }],
  ideas: [{ title: "PayPal Express", status: "inProgress" }],
  numbers: {
    customers: 1234,
    conversion: { from: "Sees an ad", to: "Pays", rate: 0.25 },
    medianMs: 3 * 86_400_000,
    nps: 12,
    csat: 4.2,
    conversionWindowHours: 87_600,
  },
  measuredEmotion: [
    { stepId: "ad", value: 1 },
    { stepId: "cart", value: -1 },
  ],
};

function renderInfographic(summary: Infographic | undefined, locale: UiLocale = "en") {
  const doc = buildTestMapDoc();
  applyMapOperations(doc, [
    { op: "setEmotion", personaId: "p1", stepId: "ad", value: 2, note: "" },
    { op: "setEmotion", personaId: "p1", stepId: "cart", value: -2, note: "" },
  ] as MapOperation[]);
  const map: SharedMap = {
    title: "Checkout",
    snapshot: docToSnapshot(doc),
    catalogue: {
      touchpoints: new Map(),
      channels: new Map(),
      personas: new Map([["p1", { id: "p1", name: "Mina", quote: "Just let me pay", goals: ["Buy quickly"] }]]),
    } as never,
    ...(summary ? { infographic: summary } : {}),
  };
  renderWithI18n(<InfographicView map={map} paper="A4" />, locale);
}

describe("the infographic page", () => {
  it("shows the title, the persona with goal and quote, the stages, the curve, pains, opportunities, ideas and numbers", () => {
    renderInfographic(SUMMARY);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Checkout");
    const persona = screen.getByTestId("infographic-persona");
    for (const part of ["Mina", "Buy quickly", "Just let me pay"]) expect(persona.textContent).toContain(part);
    expect(
      within(screen.getByTestId("infographic-stages"))
        .getAllByRole("listitem")
        .map((s) => s.textContent),
    ).toEqual(["Awareness", "Purchase"]);
    // A face for each assumed point, and the measured curve when there is data.
    expect(screen.getByTestId("infographic-curve").querySelectorAll("[data-mood]")).toHaveLength(2);
    expect(screen.getByTestId("infographic-measured-legend")).toBeTruthy();
    expect(screen.getByTestId("infographic-pains").textContent).toContain("Card declined");
    // The dots are an image named with the severity (a bare span may not carry a name).
    within(screen.getByTestId("infographic-pains")).getByRole("img", { name: "Severity 5/5" });
    expect(screen.getByTestId("infographic-opportunities").textContent).toContain("Offer PayPal");
    expect(screen.getByTestId("infographic-ideas").textContent).toContain("PayPal Express");
    expect(screen.getByTestId("infographic-number-customers").textContent).toContain("1,234");
    expect(screen.getByTestId("infographic-number-conversion").textContent).toContain("25%");
    expect(screen.getByTestId("infographic-number-median").textContent).toContain("3 days");
    // The figures stand on a conversion window, stated beside them.
    expect(screen.getByTestId("infographic-numbers").textContent).toContain(
      "No conversion window: a step counts however long customers take to reach it.",
    );
    // One sheet of A4 landscape, printed as one page.
    const sheet = screen.getByTestId("print-view");
    expect([sheet.style.inlineSize, sheet.style.blockSize]).toEqual(["297mm", "210mm"]);
  });

  it("leaves out the numbers and the measured curve of a map without data, and says when it has no pains", () => {
    renderInfographic({ ...SUMMARY, pains: [], numbers: null, measuredEmotion: [] });
    expect(screen.queryByTestId("infographic-numbers")).toBeNull();
    expect(screen.queryByTestId("infographic-measured-legend")).toBeNull();
    expect(screen.getByTestId("infographic-pains").textContent).toContain("No pain points on this map yet");
  });

  it("speaks the export's language and reads right to left in Persian", () => {
    renderInfographic(SUMMARY, "fa");
    expect(screen.getByTestId("print-view").getAttribute("dir")).toBe("rtl");
    expect(screen.getByTestId("infographic-pains").textContent).toContain("مهم‌ترین نقاط درد");
    expect(screen.getByTestId("infographic-number-customers").textContent).toContain("۱٬۲۳۴");
  });

  it("states a chosen window in days when it is whole days", () => {
    renderInfographic({ ...SUMMARY, numbers: { ...SUMMARY.numbers!, conversionWindowHours: 336 } }, "ru");
    expect(screen.getByTestId("infographic-window").textContent).toBe("Окно конверсии: 14 дн. (336 ч)");
  });
});
