/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import { startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { until } from "./pages/appServer.js";
import { EVIDENCE_ANSWERS, evidenceMap, supportCsv, webShopCsv, type EvidenceMapIds } from "./pages/EvidenceData.js";
import { EvidenceOnMap } from "./pages/EvidenceScreens.js";

describe.skipIf(!hasChromium())("from a step's numbers to one customer's timeline", { timeout: 120_000 }, () => {
  let fixture: EditorFixture;
  let browser: Browser;
  let mapId: string;
  let ids: EvidenceMapIds;

  beforeAll(async () => {
    fixture = await startEditorFixture();
    browser = await launchChromium();
    const ws = `/api/workspaces/${fixture.workspaceId}`;
    const touchpoints = { home: "", product: "", checkout: "", support: "" };
    const events = { home: "首页", product: "商品页", checkout: "结账", support: "تماس پشتیبانی" };
    for (const key of Object.keys(touchpoints) as Array<keyof typeof touchpoints>) {
      touchpoints[key] = (
        await fixture.api<{ id: string }>(fixture.owner, "POST", `${ws}/touchpoints`, {
          name: `Touchpoint ${key}`,
          channelId: "website",
          medium: "digital",
        })
      ).id;
      await fixture.api(fixture.owner, "POST", `${ws}/touchpoint-rules`, {
        touchpointId: touchpoints[key],
        eventNames: [events[key]],
      });
    }
    const imports: Array<[string, Buffer, Record<string, unknown>]> = [
      [
        "web.csv",
        webShopCsv(),
        {
          columns: {
            邮箱: { role: "identifier", kind: "email" },
            时间: { role: "timestamp" },
            事件: { role: "event" },
            国家: { role: "attribute" },
          },
          channel: "web",
        },
      ],
      [
        "support.csv",
        supportCsv(),
        {
          columns: {
            ایمیل: { role: "identifier", kind: "email" },
            زمان: { role: "timestamp" },
            رویداد: { role: "event" },
            امتیاز: { role: "score", kind: "csat" },
            نظر: { role: "text" },
          },
          channel: "phone",
        },
      ],
    ];
    for (const [name, bytes, mapping] of imports) {
      const source = await fixture.api<{ sourceId: string }>(fixture.owner, "POST", `${ws}/sources`, {
        name,
        kind: "other",
      });
      const res = await fetch(
        `${fixture.server.url}${ws}/sources/${source.sourceId}/imports?fileName=${name}&wait=true&mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
        {
          method: "POST",
          headers: {
            cookie: `cjm_session=${fixture.owner.cookie}`,
            "x-csrf-token": fixture.owner.csrfToken,
            "content-type": "application/octet-stream",
          },
          body: new Uint8Array(bytes),
        },
      );
      expect(res.status).toBe(200);
    }
    const map = evidenceMap(touchpoints);
    ids = map.ids;
    mapId = await fixture.createMap({ snapshot: map.snapshot });
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  it("an editor goes from the product step's drop-off to the customers who left there and opens one's timeline", async () => {
    const context = await fixture.context(browser, fixture.owner);
    const page = await context.newPage();
    await page.goto(`${fixture.server.url}/w/${fixture.workspaceId}/maps/${mapId}`);
    const evidence = new EvidenceOnMap(page);
    await expect.poll(() => evidence.customers([ids.steps.product]), until).toEqual([EVIDENCE_ANSWERS.all.product]);
    // 60 look at a product, 30 of them check out: 30 leave there.
    await evidence.step(ids.steps.product).getByTestId("step-who-left").click();
    await expect
      .poll(() => page.getByTestId("who-left-count").textContent(), until)
      .toBe("30 customers left here; 20 shown.");
    const customers = page.getByTestId("who-left-customer");
    expect(await customers.count()).toBe(20);
    const first = (await customers.first().textContent())!;
    // Customers 30–59 are the ones who looked at a product and did not check out.
    const number = Number(/^customer(\d+)@example\.test$/.exec(first)?.[1]);
    expect(number).toBeGreaterThanOrEqual(30);
    expect(number).toBeLessThan(60);

    await customers.first().click();
    const timeline = page.getByTestId("customer-timeline");
    await timeline.waitFor();
    expect(await page.getByTestId("customer-identifiers").innerText()).toContain(first);
    const stepStatus = (stepId: string) =>
      page.locator(`[data-testid=customer-map-steps] [data-step-id="${stepId}"]`).getAttribute("data-status");
    expect(await stepStatus(ids.steps.home)).toBe("reached");
    expect(await stepStatus(ids.steps.product)).toBe("reached");
    expect(await stepStatus(ids.steps.checkout)).toBe("notReached");
    expect(
      await page.locator(`[data-testid=customer-map-steps] [data-step-id="${ids.steps.product}"]`).innerText(),
    ).toContain("left here");
    // Their two web events in time order: the home page, then the product.
    expect(await page.getByTestId("customer-event").allInnerTexts()).toEqual([
      expect.stringContaining("首页"),
      expect.stringContaining("商品页"),
    ]);
    await context.close();
  });

  it("a viewer sees the numbers but no way to the people behind them, and is refused their timeline", async () => {
    const context = await fixture.context(browser, fixture.viewer);
    const page = await context.newPage();
    await page.goto(`${fixture.server.url}/w/${fixture.workspaceId}/maps/${mapId}`);
    const evidence = new EvidenceOnMap(page);
    await expect.poll(() => evidence.customers([ids.steps.product]), until).toEqual([EVIDENCE_ANSWERS.all.product]);
    expect(await page.getByTestId("step-who-left").count()).toBe(0);
    await page.goto(`${fixture.server.url}/w/${fixture.workspaceId}/customers?identifier=customer31%40example.test`);
    // The API refuses it (403); the page says so and shows nobody.
    await page.getByRole("alert").waitFor();
    expect(await page.getByTestId("customer-timeline").count()).toBe(0);
    await context.close();
  });
});
