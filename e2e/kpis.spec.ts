/// <reference lib="dom" />
import type { MapKpiSeries, MapSnapshot } from "@opencjm/core";
import { seedDemoEvidence } from "@opencjm/server/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import {
  apiAs,
  createDemoUser,
  openContext,
  startAppServer,
  until,
  type AppServer,
  type DemoUser,
} from "./pages/appServer.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

describe.skipIf(!hasChromium())("KPIs on the demo map in a real browser", { timeout: 180_000 }, () => {
  let app: AppServer;
  let user: DemoUser;
  let browser: Browser;
  let page: Page;
  let mapId: string;
  let stepId: string;

  beforeAll(async () => {
    app = await startAppServer();
    user = await createDemoUser(app, { email: "kpis@example.test", name: "Kim Park" });
    // The demo's customer data, smaller than at start-up so the test stays quick.
    await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 2000 });
    browser = await launchChromium();
    page = await (await openContext(browser, app, { cookie: user.cookie })).newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    for (const id of user.mapIds) {
      const base = `/api/workspaces/${user.workspaceId}/maps/${id}`;
      const { snapshot } = await apiAs<{ snapshot: MapSnapshot }>(page, "GET", base);
      if (snapshot.settings.title !== "Lena buys running shoes online") continue;
      mapId = id;
      stepId = snapshot.steps[0]!.id;
      // The demo map has no KPI lane yet: add one, as a user would from the lane menu.
      await apiAs(page, "POST", `${base}/operations`, {
        operations: [{ op: "addLane", id: "lane_kpis", type: "kpis", name: "KPIs" }],
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("defines a KPI on a step from its KPI card and shows its live value and sparkline on the map", async () => {
    const editor = await new MapEditorPage(page).open(app.url, user.workspaceId, mapId);
    const cell = editor.cell("lane_kpis", stepId);
    await cell.click();
    await cell.press("Enter");
    await expect.poll(() => cell.getAttribute("data-editing"), until).toBe("true");
    await page.keyboard.type("Customers seeing the ad");
    await page.keyboard.press("Enter");
    await cell.getByRole("button", { name: "Compute from data…" }).click();

    const dialog = page.getByTestId("kpi-editor");
    expect(await dialog.getByLabel("Measured as").inputValue()).toBe("reach");
    await dialog.getByLabel("Target").fill("500");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => dialog.count(), until).toBe(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => cell.getAttribute("data-editing"), until).toBeNull();

    // The card shows the latest week up to the newest event, the same number the API computes, and its trend.
    await expect.poll(() => cell.getByTestId("kpi-sparkline").count(), until).toBe(1);
    const lane = await apiAs<MapKpiSeries>(
      page,
      "POST",
      `/api/workspaces/${user.workspaceId}/maps/${mapId}/kpi-series`,
      { bucket: "week" },
    );
    // The demo map has KPIs of its own: this test's KPI is the one named as typed.
    const kpiId = lane.kpis.find((k) => k.name === "Customers seeing the ad")!.id;
    const points = lane.series.find((s) => s.kpiId === kpiId)!.points;
    expect(points.some((p) => (p.value ?? 0) > 0)).toBe(true);
    const latest = points.findLast((p) => p.value !== null)!.value!;
    await expect.poll(() => cell.getByTestId("kpi-value").innerText(), until).toBe(latest.toLocaleString("en-US"));
    expect(await cell.innerText()).toContain("Target 500");
    const label = await cell.getByTestId("kpi-sparkline").getAttribute("aria-label");
    expect(label).toMatch(/^Trend of Customers seeing the ad: /);

    // Its chart has the target line, and the same numbers as a table.
    await cell.getByRole("button", { name: "Show chart" }).click();
    await expect.poll(() => page.getByTestId("kpi-chart-target").count(), until).toBe(1);
    await page.getByRole("button", { name: "Show as table" }).click();
    const rows = await page.getByTestId("kpi-chart-table").locator("tbody tr").count();
    expect(rows).toBe(points.length);
  });
});
