// @vitest-environment jsdom
import { applyMapOperations, createMapDocument, MapSettingsSchema } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn, shopMetrics } from "../testing/evidenceTestKit.js";
import { createLiveMapView } from "../../mapEditor/store/createLiveMapView.js";
import { MapViewContext } from "../../mapEditor/store/useMapView.js";
import { FunnelStrip } from "./FunnelStrip.js";

/** The shop map the metrics measure (Visit: Home, Product; Buy: Checkout), with Product as the journey's goal. */
function shopMapWithGoal() {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Shop", type: "currentState" }));
  applyMapOperations(doc, [
    { op: "addStage", id: "visit", name: "Visit" },
    { op: "addStage", id: "buy", name: "Buy" },
    { op: "addStep", id: "home", stageId: "visit", name: "Home" },
    { op: "addStep", id: "product", stageId: "visit", name: "Product" },
    { op: "addStep", id: "checkout", stageId: "buy", name: "Checkout" },
    { op: "updateStep", stepId: "product", goal: true },
  ]);
  return createLiveMapView(doc);
}

/** The shop map and metrics with a third stage, Care (a review), and no goal marked. */
function shopWithCare() {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Shop", type: "currentState" }));
  applyMapOperations(doc, [
    { op: "addStage", id: "visit", name: "Visit" },
    { op: "addStage", id: "buy", name: "Buy" },
    { op: "addStage", id: "care", name: "Care" },
    { op: "addStep", id: "home", stageId: "visit", name: "Home" },
    { op: "addStep", id: "product", stageId: "visit", name: "Product" },
    { op: "addStep", id: "checkout", stageId: "buy", name: "Checkout" },
    { op: "addStep", id: "review", stageId: "care", name: "Review" },
  ]);
  const metrics = shopMetrics();
  metrics.stages.push({ ...metrics.stages[1]!, stageId: "care", name: "Care", customers: 30 });
  metrics.funnel.stages.push({ stageId: "care", customers: 30, rate: 0.03 });
  return { view: createLiveMapView(doc), metrics, doc };
}

afterEach(cleanup);

describe("the funnel strip", () => {
  it("shows each stage's customers on one scale with the drop from the stage before", () => {
    renderIn(<FunnelStrip metrics={shopMetrics()} />);
    const stages = screen.getAllByTestId("funnel-stage");
    expect(stages.map((s) => s.querySelector("span")!.textContent)).toEqual(["Visit", "Buy"]);
    expect(stages.map((s) => s.dataset.customers)).toEqual(["1000", "150"]);
    expect(stages[0]!.textContent).toContain("1,000 customers");
    expect(stages[1]!.textContent).toContain("150 customers · 15%");
    expect(stages[1]!.textContent).toContain("−85% from the previous stage");
    const bars = stages.map((s) => (s.querySelector("[aria-hidden] > span") as HTMLElement).style.inlineSize);
    expect(bars).toEqual(["100%", "15%"]);
  });

  it("speaks Russian plurals and Persian digits", () => {
    renderIn(<FunnelStrip metrics={shopMetrics()} />, "ru");
    expect(screen.getAllByTestId("funnel-stage")[1]!.textContent).toContain("150 клиентов");
    cleanup();
    renderIn(<FunnelStrip metrics={shopMetrics()} />, "fa");
    expect(screen.getAllByTestId("funnel-stage")[1]!.textContent).toContain("۱۵۰ مشتری");
  });

  it("shows no drop after the journey's goal: the stages after it are optional", () => {
    renderIn(
      <MapViewContext.Provider value={shopMapWithGoal()}>
        <FunnelStrip metrics={shopMetrics()} />
      </MapViewContext.Provider>,
    );
    const [visit, buy] = screen.getAllByTestId("funnel-stage");
    expect(visit!.dataset.afterGoal).toBeUndefined();
    expect(buy!.dataset.afterGoal).toBe("true");
    expect(buy!.textContent).not.toContain("from the previous stage");
    expect(buy!.textContent).toContain("after the goal");
  });

  it("without a goal, takes the last stage of a longer journey as what follows it, and says it assumed so", () => {
    const { view, metrics, doc } = shopWithCare();
    renderIn(
      <MapViewContext.Provider value={view}>
        <FunnelStrip metrics={metrics} />
      </MapViewContext.Provider>,
    );
    const [, buy, care] = screen.getAllByTestId("funnel-stage");
    expect(buy!.textContent).toContain("−85% from the previous stage");
    expect(care!.dataset.goalAssumed).toBe("true");
    expect(care!.textContent).not.toContain("from the previous stage");
    expect(care!.textContent).toContain("after the goal (assumed)");
    expect(care!.title).toContain("Mark the goal in a step's menu");
    cleanup();
    // Marking the last step as the goal counts the whole journey: the drop into Care shows again.
    applyMapOperations(doc, [{ op: "updateStep", stepId: "review", goal: true }]);
    renderIn(
      <MapViewContext.Provider value={createLiveMapView(doc)}>
        <FunnelStrip metrics={metrics} />
      </MapViewContext.Provider>,
    );
    const last = screen.getAllByTestId("funnel-stage")[2]!;
    expect(last.dataset.afterGoal).toBeUndefined();
    expect(last.textContent).toContain("−80% from the previous stage");
  });
});
