/// <reference lib="dom" />
import type { DraftPlan, MapMetrics, MapSnapshot } from "@opencjm/core";
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

describe.skipIf(!hasChromium())(
  "drafting a current-state map from the demo data in a real browser",
  { timeout: 180_000 },
  () => {
    let app: AppServer;
    let user: DemoUser;
    let browser: Browser;
    let page: Page;
    let mapId = "";

    beforeAll(async () => {
      app = await startAppServer();
      user = await createDemoUser(app, { email: "draft@example.test", name: "Dana Ortiz" });
      // The demo's customer data, smaller than at start-up so the test stays quick.
      await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 2000 });
      browser = await launchChromium();
      page = await (await openContext(browser, app, { cookie: user.cookie })).newPage();
      await page.goto(`${app.url}/w/${user.workspaceId}`);
      for (const id of user.mapIds) {
        const { snapshot } = await apiAs<{ snapshot: MapSnapshot }>(
          page,
          "GET",
          `/api/workspaces/${user.workspaceId}/maps/${id}`,
        );
        if (snapshot.settings.title === "Lena buys running shoes online") mapId = id;
      }
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it("previews the draft in the order of the most common path, names it, drops a step and opens it with numbers on screen", async () => {
      const base = `/api/workspaces/${user.workspaceId}/maps/${mapId}`;
      const metrics = await apiAs<MapMetrics>(page, "POST", `${base}/metrics`, {});
      await page.goto(`${app.url}/w/${user.workspaceId}/maps/${mapId}/paths`);
      // The directly-follows graph is on the paths screen, with its threshold.
      await expect.poll(() => page.getByTestId("dfg-edge").count(), until).toBeGreaterThan(0);

      await page.getByTestId("draft-from-data").click();
      const dialog = page.getByTestId("draft-dialog");
      await expect.poll(() => dialog.getByTestId("draft-step").count(), until).toBeGreaterThan(2);
      const stageNames = await dialog
        .getByTestId("draft-stage")
        .evaluateAll((els) => els.map((e) => e.querySelector("strong")?.textContent ?? ""));
      // Each stage once, in the order the most common journey goes through the map's stages.
      expect(new Set(stageNames).size).toBe(stageNames.length);
      const stageOfStep = new Map(
        metrics.steps.map((s) => [s.stepId, metrics.stages.find((g) => g.stageId === s.stageId)!.name]),
      );
      const travelled: string[] = [];
      for (const node of metrics.paths.variants.items[0]!.nodes) {
        const stage = stageOfStep.get(node);
        if (stage && !travelled.includes(stage)) travelled.push(stage);
      }
      expect(stageNames.filter((s) => travelled.includes(s))).toEqual(travelled.filter((s) => stageNames.includes(s)));

      // Name it and drop the last step.
      const keys = await dialog
        .getByTestId("draft-step")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-key")!));
      const dropped = keys.at(-1)!;
      await dialog.getByTestId("draft-title").fill("Lena as she really shops");
      await dialog.locator(`[data-testid=draft-step][data-key="${dropped}"] input`).uncheck();
      expect(await dialog.getByTestId("draft-create").textContent()).toContain(String(keys.length - 1));
      await dialog.getByTestId("draft-create").click();

      // The new map opens with its data shown: every step has its customers on screen.
      await expect.poll(() => page.url(), until).toMatch(/\/maps\/[\w-]+$/);
      expect(page.url()).not.toContain(mapId);
      const newMapId = page.url().split("/").at(-1)!;
      await page.getByTestId("map-grid").waitFor();
      // The grid draws the steps in view; each of them shows its customers.
      const created = await apiAs<{ map: { title: string }; snapshot: MapSnapshot }>(
        page,
        "GET",
        `/api/workspaces/${user.workspaceId}/maps/${newMapId}`,
      );
      expect(created.map.title).toBe("Lena as she really shops");
      expect(created.snapshot.steps).toHaveLength(keys.length - 1);
      await expect
        .poll(() => page.getByTestId("step-customers").count(), { ...until, timeout: 60_000 })
        .toBeGreaterThan(2);
      expect(await page.getByTestId("step-customers").count()).toBe(await page.getByTestId("step-header").count());
      const onScreen = await page
        .getByTestId("step-customers")
        .evaluateAll((els) => els.map((e) => e.textContent ?? ""));
      expect(onScreen.every((n) => Number(n.replace(/\D/g, "")) > 0)).toBe(true);
      expect(await page.getByTestId("no-linked-events").count()).toBe(0);
      expect(await page.getByTestId("conversion-window").textContent()).toContain("No conversion window");
      // A window set on the data bar is used and stated, and remembered for this map after a reload.
      await page.getByTestId("filter-window").fill("2");
      await page.getByTestId("filter-window-unit").selectOption("days");
      await expect
        .poll(() => page.getByTestId("conversion-window").textContent(), { ...until, timeout: 60_000 })
        .toContain("Conversion window: 2 d (48 h)");
      await page.reload();
      await page.getByTestId("map-grid").waitFor();
      await expect
        .poll(() => page.getByTestId("conversion-window").textContent(), { ...until, timeout: 60_000 })
        .toContain("Conversion window: 2 d (48 h)");
      expect(await page.getByTestId("filter-window").inputValue()).toBe("2");
      const preview = await apiAs<DraftPlan>(page, "POST", `${base}/draft-from-data/preview`, { leaveOut: [dropped] });
      expect(preview.stages.map((s) => s.name)).toEqual(
        stageNames.filter((s) => preview.stages.some((p) => p.name === s)),
      );
    });

    it("says so when no event is linked to a map's steps instead of showing 0 customers everywhere", async () => {
      const blank = await apiAs<{ map: { id: string } }>(page, "POST", `/api/workspaces/${user.workspaceId}/maps`, {
        templateId: "ecommerce",
        title: "Designed, not linked",
      });
      await page.goto(`${app.url}/w/${user.workspaceId}/maps/${blank.map.id}`);
      await page.getByTestId("map-grid").waitFor();
      // No customer is on this map, so its data view starts off although the workspace has data; shown, it says why.
      const toggle = page.getByTestId("toggle-data");
      await page.waitForLoadState("networkidle");
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      expect(await page.getByTestId("evidence-bar").count()).toBe(0);
      await toggle.click();
      await expect.poll(() => page.getByTestId("no-linked-events").count(), { ...until, timeout: 60_000 }).toBe(1);
      expect(await page.getByTestId("no-linked-events").textContent()).toContain("is linked to a step of this map");
    });
  },
);
