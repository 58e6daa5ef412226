/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import { startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { until } from "./pages/appServer.js";
import {
  binaryCsv,
  EVIDENCE_ANSWERS,
  evidenceMap,
  largeWebShopCsv,
  raggedCsv,
  supportCsv,
  webShopCsv,
  type EvidenceMapIds,
} from "./pages/EvidenceData.js";
import { DataSourcesScreen, EvidenceOnMap, linkEvents, TouchpointRulesScreen } from "./pages/EvidenceScreens.js";

describe.skipIf(!hasChromium())("evidence on the map in a real browser", { timeout: 120_000 }, () => {
  let fixture: EditorFixture;
  let browser: Browser;
  let page: Page;
  let mapId: string;
  let ids: EvidenceMapIds;
  const touchpoints = { home: "", product: "", checkout: "", support: "" };

  beforeAll(async () => {
    fixture = await startEditorFixture();
    browser = await launchChromium();
    const names = { home: "Home page", product: "Product page", checkout: "Checkout", support: "Support hotline" };
    for (const key of Object.keys(names) as Array<keyof typeof names>) {
      const created = await fixture.api<{ id: string }>(
        fixture.owner,
        "POST",
        `/api/workspaces/${fixture.workspaceId}/touchpoints`,
        { name: names[key], channelId: key === "support" ? "phone" : "website", medium: "digital" },
      );
      touchpoints[key] = created.id;
    }
    const map = evidenceMap(touchpoints);
    ids = map.ids;
    mapId = await fixture.createMap({ snapshot: map.snapshot });
    page = await (await fixture.context(browser, fixture.owner)).newPage();
    if (process.env.E2E_DEBUG) {
      page.on("console", (m) => console.log("console:", m.text()));
      page.on("requestfinished", async (r) =>
        console.log("req:", r.method(), r.url().replace(fixture.server.url, ""), (await r.response())?.status()),
      );
    }
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const url = () => fixture.server.url;
  const steps = () => [ids.steps.home, ids.steps.product, ids.steps.checkout, ids.steps.support];

  it("imports a GB18030 web export and a Windows-1256 support export after mapping their columns", async () => {
    const data = await new DataSourcesScreen(page).open(url(), fixture.workspaceId);
    await data.createSource("Web shop", "web");
    await data.dropFile("web-shop.csv", webShopCsv());
    await expect
      .poll(() => data.preview.getByTestId("preview-encoding").getAttribute("data-encoding"), until)
      .toBe("gb18030");
    expect(await data.preview.getByTestId("preview-delimiter").textContent()).toBe("Comma");
    expect(await data.preview.locator("th").allTextContents()).toEqual(["邮箱", "时间", "事件", "页面", "国家"]);
    await data.mapColumn("邮箱", "identifier:email");
    await data.mapColumn("时间", "timestamp");
    await data.mapColumn("事件", "event");
    await data.mapColumn("页面", "property");
    await data.mapColumn("国家", "attribute");
    await page.getByTestId("default-channel").fill("web");
    await expect.poll(() => page.getByTestId("mapping-problems").count()).toBe(0);
    await data.startImport();
    await expect.poll(() => data.done.textContent(), until).toContain(String(EVIDENCE_ANSWERS.webEvents));

    await data.createSource("Support desk", "support");
    await data.chooseFile("support.csv", supportCsv());
    await expect
      .poll(() => data.preview.getByTestId("preview-encoding").getAttribute("data-encoding"), until)
      .toBe("windows-1256");
    // Persian letters come out normalised: Windows-1256's Arabic ي becomes the Persian ی.
    expect(await data.preview.locator("th").allTextContents()).toEqual(["ایمیل", "زمان", "رویداد", "امتیاز", "نظر"]);
    await data.mapColumn("ایمیل", "identifier:email");
    await data.mapColumn("زمان", "timestamp");
    await data.mapColumn("رویداد", "event");
    await data.mapColumn("امتیاز", "score:csat");
    await data.mapColumn("نظر", "text");
    await page.getByTestId("default-channel").fill("phone");
    await data.startImport();
    await expect.poll(() => data.done.textContent(), until).toContain(String(EVIDENCE_ANSWERS.supportEvents));
    await expect.poll(() => data.historyRows().count(), until).toBe(2);
  });

  it("refuses a binary file renamed .csv and a ragged file with readable reasons, importing nothing", async () => {
    const data = await new DataSourcesScreen(page).open(url(), fixture.workspaceId);
    await data.importInto("Support desk");
    await data.chooseFile("photo.csv", binaryCsv());
    await expect.poll(() => data.problem.getAttribute("data-code"), until).toBe("binary_file");
    expect(await data.problem.textContent()).toContain("This is not a text file");

    await data.chooseFile("ragged.csv", raggedCsv());
    // The first rows look fine, so the preview shows them; the import reads every row and refuses the file.
    await data.preview.waitFor();
    await data.mapColumn("email", "identifier:email");
    await data.mapColumn("ts", "timestamp");
    await data.mapColumn("event", "event");
    await data.startImport();
    const problem = data.problem;
    await expect.poll(() => problem.getAttribute("data-code"), until).toBe("ragged_row");
    expect(await problem.textContent()).toContain("A row has a different number of columns than the header");
    expect(await problem.getByTestId("import-problem-where").textContent()).toMatch(/^Row 3\b/);
    await expect.poll(() => page.locator("[data-testid=import-row][data-status=failed]").count(), until).toBe(1);
    const events = await fixture.api<Array<{ events: number }>>(
      fixture.owner,
      "GET",
      `/api/workspaces/${fixture.workspaceId}/sources`,
    );
    expect(events.reduce((n, s) => n + s.events, 0)).toBe(EVIDENCE_ANSWERS.webEvents + EVIDENCE_ANSWERS.supportEvents);
  });

  it("uploads a large file with a progress bar and cancels it, importing nothing", async () => {
    const data = await new DataSourcesScreen(page).open(url(), fixture.workspaceId);
    await data.importInto("Web shop");
    await data.chooseFile("large-web-shop.csv", largeWebShopCsv(300_000));
    // The source's saved mapping fits this file: nothing to map.
    await data.preview.waitFor();
    expect(
      await page.locator('[data-testid=mapping-row][data-column="邮箱"] [data-testid=mapping-role]').inputValue(),
    ).toBe("identifier:email");
    // A slow uplink, so the upload is still running when the user changes their mind.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    await data.startImport();
    const bar = page.getByTestId("import-progress").getByRole("progressbar");
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), until).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
    await page.getByTestId("cancel-upload").click();
    await expect
      .poll(() => page.getByTestId("import-notice").textContent(), until)
      .toBe("The upload was cancelled. Nothing was imported.");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const sources = await fixture.api<Array<{ events: number }>>(
      fixture.owner,
      "GET",
      `/api/workspaces/${fixture.workspaceId}/sources`,
    );
    expect(sources.reduce((n, s) => n + s.events, 0)).toBe(EVIDENCE_ANSWERS.webEvents + EVIDENCE_ANSWERS.supportEvents);
  });

  it("links touchpoints to events with live counts, and turns an unmapped event into a touchpoint", async () => {
    const rules = await new TouchpointRulesScreen(page).open(url(), fixture.workspaceId);
    const expectations: Array<[string, string, number]> = [
      ["Home page", "首页", EVIDENCE_ANSWERS.all.home],
      ["Product page", "商品页", EVIDENCE_ANSWERS.all.product],
      ["Checkout", "结账", EVIDENCE_ANSWERS.all.checkout],
    ];
    for (const [touchpoint, eventName, count] of expectations) {
      await rules.pick(touchpoint);
      const editor = rules.editor();
      await linkEvents(editor, [eventName]);
      await expect
        .poll(() => editor.getByTestId("rule-matches").getAttribute("data-events"), until)
        .toBe(String(count));
      expect(await editor.getByTestId("rule-matches").getAttribute("data-customers")).toBe(String(count));
      await editor.getByTestId("save-rule").click();
      await expect
        .poll(() => page.getByTestId("catalogue-touchpoint").filter({ hasText: touchpoint }).textContent(), until)
        .toContain("1");
    }
    await expect.poll(() => rules.unmapped("优惠券").count(), until).toBe(1);
    await rules.unmapped("优惠券").getByTestId("create-touchpoint-from-event").click();
    await expect.poll(() => rules.unmapped("优惠券").count(), until).toBe(0);
    await expect
      .poll(() => page.getByTestId("catalogue-touchpoint").filter({ hasText: "优惠券" }).count(), until)
      .toBe(1);
  });

  it("links the last touchpoint from its card on the map, then shows reach per step on the map", async () => {
    await page.goto(`${url()}/w/${fixture.workspaceId}/maps/${mapId}`);
    await page.getByTestId("map-grid").waitFor();
    const onMap = new EvidenceOnMap(page);
    await expect
      .poll(() => onMap.customers(steps().slice(0, 3)), until)
      .toEqual([EVIDENCE_ANSWERS.all.home, EVIDENCE_ANSWERS.all.product, EVIDENCE_ANSWERS.all.checkout]);
    const supportCell = page.locator(
      `[data-testid=cell][data-lane-id="${ids.lanes.touchpoints}"][data-step-id="${ids.steps.support}"]`,
    );
    await supportCell.getByTestId("link-touchpoint-events").click();
    const dialog = page.getByTestId("touchpoint-rules-dialog");
    await linkEvents(dialog.getByTestId("rule-editor").last(), ["تماس پشتیبانی"]);
    await expect
      .poll(() => dialog.getByTestId("rule-matches").last().getAttribute("data-events"), until)
      .toBe(String(EVIDENCE_ANSWERS.all.support));
    await dialog.getByTestId("save-rule").click();
    await expect.poll(() => dialog.getByTestId("add-rule").count(), until).toBe(1);
    await dialog.getByTestId("close-rules").click();
    await expect
      .poll(() => onMap.customers(steps()), until)
      .toEqual([
        EVIDENCE_ANSWERS.all.home,
        EVIDENCE_ANSWERS.all.product,
        EVIDENCE_ANSWERS.all.checkout,
        EVIDENCE_ANSWERS.all.support,
      ]);
    // Conversion from the product step: checkouts among those who viewed a product.
    expect(await onMap.step(ids.steps.checkout).getByTestId("step-conversion").textContent()).toBe("50%");
    expect(
      await page
        .getByTestId("funnel-stage")
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-customers")))),
    ).toEqual([EVIDENCE_ANSWERS.all.home, EVIDENCE_ANSWERS.all.checkout, EVIDENCE_ANSWERS.all.support]);
    await expect
      .poll(() => page.locator(`[data-testid=measured-point][data-step-id="${ids.steps.support}"]`).count(), until)
      .toBe(1);
    await expect
      .poll(
        () =>
          page
            .locator(
              `[data-testid=cell][data-lane-id="${ids.lanes.quotes}"][data-step-id="${ids.steps.support}"] [data-testid=measured-quote]`,
            )
            .count(),
        until,
      )
      .toBeGreaterThan(0);
    expect(await page.locator(`[data-testid=measured-quote]`).first().getAttribute("data-language")).toBe("fa");
  });

  it("draws the flows in the Sankey and marks skipped steps and touchpoints missing from the map", async () => {
    await page.getByTestId("open-paths").click();
    await page.getByTestId("paths-page").waitFor();
    await expect.poll(() => page.getByTestId("sankey-node").count(), until).toBeGreaterThan(3);
    const nodes = await page.getByTestId("sankey-node").evaluateAll((els) =>
      els.map((e) => ({
        label: e.querySelector("tspan")?.textContent,
        customers: Number(e.getAttribute("data-customers")),
        kind: e.getAttribute("data-kind"),
      })),
    );
    expect(nodes).toContainEqual({ label: "Opens the home page", customers: EVIDENCE_ANSWERS.all.home, kind: "step" });
    expect(nodes.find((n) => n.label === "优惠券")).toMatchObject({
      customers: EVIDENCE_ANSWERS.coupon,
      kind: "touchpoint",
    });
    const fromHome = await page
      .getByTestId("sankey-link")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-customers"))));
    expect(fromHome.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(EVIDENCE_ANSWERS.all.product);
    expect(Number(await page.getByTestId("conformance-skips").getAttribute("data-value"))).toBe(
      EVIDENCE_ANSWERS.skippers,
    );
    expect(
      Number(
        await page
          .locator(`[data-testid=conformance-step][data-step-id="${ids.steps.product}"]`)
          .getAttribute("data-skipped"),
      ),
    ).toBe(EVIDENCE_ANSWERS.skippers);
    const missing = page.getByTestId("missing-touchpoint");
    expect(await missing.count()).toBe(1);
    expect(await missing.textContent()).toContain("优惠券");
    expect(Number(await missing.getAttribute("data-customers"))).toBe(EVIDENCE_ANSWERS.coupon);

    // Draft a current-state map from the data: a new map opens, built from the common paths.
    await page.getByTestId("draft-from-data").click();
    await page.getByTestId("draft-create").click();
    await expect.poll(() => page.url(), until).toMatch(/\/maps\/[\w-]+$/);
    expect(page.url()).not.toContain(mapId);
    await page.getByTestId("map-grid").waitFor();
    expect(await page.getByTestId("step-header").count()).toBeGreaterThanOrEqual(3);
  });

  it("links a persona to a segment, shows its size, and the map's numbers follow the segment filter", async () => {
    const persona = await fixture.api<{ id: string }>(
      fixture.owner,
      "POST",
      `/api/workspaces/${fixture.workspaceId}/personas`,
      { name: "Shoppers in Iran" },
    );
    await page.goto(`${url()}/w/${fixture.workspaceId}/personas/${persona.id}?edit=1`);
    const section = page.getByTestId("persona-segment");
    await section.getByTestId("add-segment-condition").click();
    await section.getByTestId("segment-attribute").fill("国家");
    await section.getByTestId("segment-value").fill("IR");
    await expect.poll(() => section.getByTestId("segment-size").getAttribute("data-customers"), until).toBe("40");
    expect(await section.getByTestId("segment-size").getAttribute("data-total")).toBe("100");
    await page.getByTestId("save-persona").click();
    await expect.poll(() => page.getByTestId("save-state").textContent(), until).toBe("Saved");
    await page.getByTestId("tab-card").click();
    await expect.poll(() => page.getByTestId("segment-size").textContent(), until).toContain("40");

    await page.goto(`${url()}/w/${fixture.workspaceId}/maps/${mapId}`);
    const onMap = new EvidenceOnMap(page);
    await expect.poll(() => onMap.customers(steps()), until).toEqual(Object.values(EVIDENCE_ANSWERS.all));
    await page.getByTestId("filter-persona").selectOption(persona.id);
    await expect.poll(() => onMap.customers(steps()), until).toEqual(Object.values(EVIDENCE_ANSWERS.iran));
    await page.getByTestId("filter-persona").selectOption("");
    await expect.poll(() => onMap.customers(steps()), until).toEqual(Object.values(EVIDENCE_ANSWERS.all));
  });
});
