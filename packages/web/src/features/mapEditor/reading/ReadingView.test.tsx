// @vitest-environment jsdom
import { applyMapOperations, type MapOperation } from "@opencjm/core";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n, StaticI18nProvider } from "../../../i18n/I18nProvider.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { MapViewContext } from "../store/useMapView.js";
import { editorMessages } from "../testing/renderEditorGrid.js";
import { ReadingView } from "./ReadingView.js";

afterEach(cleanup);

function renderReading() {
  const doc = buildTestMapDoc();
  applyMapOperations(doc, [
    { op: "addCard", laneId: "pains", stepId: "pay", card: { kind: "painPoint", text: "Card declined", severity: 4 } },
    { op: "addCard", laneId: "back", stepId: "pay", card: { kind: "process", text: "Fraud check" } },
    { op: "updateLane", laneId: "back", hidden: true },
    { op: "setEmotion", personaId: "p1", stepId: "cart", value: -2, note: "Too many fields" },
  ] as MapOperation[]);
  const catalogue = {
    touchpoints: new Map(),
    channels: new Map(),
    personas: new Map([["p1", { id: "p1", name: "Mina" }]]),
  } as never;
  render(
    <StaticI18nProvider i18n={createI18n("en", editorMessages("en"))}>
      <MapViewContext.Provider value={createLiveMapView(doc)}>
        <ReadingView catalogue={catalogue} />
      </MapViewContext.Provider>
    </StaticI18nProvider>,
  );
}

describe("reading mode on phones", () => {
  it("lists the stages one below the other with their steps, and links to jump to each stage", () => {
    renderReading();
    const stages = screen.getAllByTestId("reading-stage");
    expect(stages.map((s) => s.querySelector("h2")!.textContent)).toEqual(["Awareness", "Purchase"]);
    expect(
      within(stages[1]!)
        .getAllByTestId("reading-step")
        .map((s) => s.querySelector("h3")!.textContent),
    ).toEqual(["Fills the cart", "Pays"]);
    const links = within(screen.getByRole("navigation", { name: "Stages" })).getAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual([`#${stages[0]!.id}`, `#${stages[1]!.id}`]);
  });

  it("puts inside each step only the lanes with something in it, with how each persona feels", () => {
    renderReading();
    const step = (id: string) =>
      screen.getAllByTestId("reading-step").find((s) => s.getAttribute("data-step-id") === id)!;
    const lanesOf = (id: string) =>
      within(step(id))
        .queryAllByTestId("reading-lane")
        .map((l) => l.querySelector("h4")!.textContent);
    expect(lanesOf("ad")).toEqual(["Actions"]);
    expect(within(step("ad")).getByText("Clicks the ad")).toBeTruthy();
    // The backstage lane is hidden on the map, so its card stays out of the list too.
    expect(lanesOf("pay")).toEqual(["Pain points"]);
    expect(step("pay").textContent).not.toContain("Fraud check");
    const feeling = within(step("cart")).getByTestId("reading-feeling");
    expect(feeling.textContent).toContain("Mina");
    expect(feeling.textContent).toContain("Too many fields");
    expect(feeling.querySelector("svg")!.getAttribute("data-mood")).toBe("-2");
    expect(lanesOf("cart")).toEqual([]);
  });
});
