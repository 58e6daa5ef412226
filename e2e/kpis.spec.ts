/// <reference lib="dom" />
import type { Kpi, MapKpiSeries, MapSnapshot } from "@opencjm/core";
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
  let stage: { id: string; name: string };

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
      stage = snapshot.stages[1]!;
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

  it("defines a KPI entered by hand on a stage with an owner from the KPI list, and charts two dated values", async () => {
    await new MapEditorPage(page).open(app.url, user.workspaceId, mapId);
    // The map's header leads to the KPI list, showing this map's KPIs.
    await page.getByTestId("more-tools").click();
    await page.getByTestId("kpis-link").click();
    await page.getByTestId("kpi-list").waitFor();
    expect(new URL(page.url()).searchParams.get("mapId")).toBe(mapId);

    await page.getByTestId("new-kpi").click();
    const dialog = page.getByTestId("kpi-editor");
    await dialog.getByLabel("Name").fill("Store visits");
    expect(await dialog.getByLabel("Map").inputValue()).toBe(mapId);
    await dialog.getByLabel("Applies to").selectOption(`stage:${stage.id}`);
    await dialog.getByLabel("Measured as").selectOption("manual");
    await dialog.getByLabel("Owner").selectOption({ label: "Kim Park" });
    await dialog.getByLabel("Target").fill("1000");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });

    const row = page.getByTestId("kpi-row").filter({ hasText: "Store visits" });
    await expect.poll(() => row.getByTestId("kpi-latest").innerText(), until).toBe("No data yet");
    expect(await row.getByTestId("kpi-anchor-cell").innerText()).toContain(`Stage: ${stage.name}`);
    expect(await row.getByTestId("kpi-owner-cell").innerText()).toBe("Kim Park");
    const { kpis } = await apiAs<{ kpis: Kpi[] }>(
      page,
      "GET",
      `/api/workspaces/${user.workspaceId}/kpis?mapId=${mapId}`,
    );
    const kpi = kpis.find((k) => k.name === "Store visits")!;
    expect(kpi.anchor).toEqual({ kind: "stage", mapId, stageId: stage.id });
    expect(kpi.source).toEqual({ kind: "manual" });
    expect(kpi.ownerId).toBe(user.userId);

    // Two values, a week apart, each on a day picked in the calendar (the newest yesterday, so both are in the chart).
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const values = [
      { date: day(9), typed: "880", shown: "880" },
      { date: day(1), typed: "1234.5", shown: "1,234.5" },
    ];
    await row.getByRole("button", { name: "Store visits" }).click();
    const detail = page.getByTestId("kpi-detail");
    for (const [i, value] of values.entries()) {
      const add = detail.getByTestId("kpi-value-add");
      await add.getByLabel("Date").click();
      const cell = page.locator(`td[data-day="${value.date}"]:not([data-outside]) button`);
      // The calendar opens on today's month: go back a month when the day is in the one before.
      if ((await cell.count()) === 0) await page.locator(".rdp-button_previous").click();
      await cell.click();
      expect(await add.getByLabel("Date").getAttribute("data-value")).toBe(value.date);
      await add.getByLabel("Value").fill(value.typed);
      await add.getByRole("button", { name: "Add value" }).click();
      await expect.poll(() => detail.getByTestId("kpi-value-row").count(), until).toBe(i + 1);
    }
    // Newest first, each day in words; the chart has its target line and, as a table, both values.
    const shown = await detail
      .getByTestId("kpi-value-row")
      .evaluateAll((rows) => rows.map((r) => r.querySelector("td")!.textContent));
    expect(shown).toEqual(["1,234.5", "880"]);
    await expect.poll(() => detail.getByTestId("kpi-chart-target").count(), until).toBe(1);
    await detail.getByRole("button", { name: "Show as table" }).click();
    const cells = await detail.getByTestId("kpi-chart-table").locator("tbody td:first-of-type").allInnerTexts();
    expect(cells.filter((c) => c !== "—")).toEqual(["880", "1,234.5"]);
    await page.keyboard.press("Escape");
    await detail.waitFor({ state: "detached" });

    // The list shows the newest value against the target, and the trend.
    await expect.poll(() => row.getByTestId("kpi-latest").innerText(), until).toBe("1,234.5");
    expect(await row.innerText()).toContain("On track");
    expect(await row.getByTestId("kpi-sparkline").getAttribute("aria-label")).toMatch(
      /^Trend of Store visits: .*880.*1,234\.5/,
    );
  });
});
