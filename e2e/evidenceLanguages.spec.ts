/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import { startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { RAW_KEY, until } from "./pages/appServer.js";
import { evidenceMap, supportCsv, webShopCsv, type EvidenceMapIds } from "./pages/EvidenceData.js";

const LANGUAGES = ["en", "zh-Hant", "zh-Hans", "ru", "fa"] as const;

describe.skipIf(!hasChromium())("evidence screens in every language", { timeout: 120_000 }, () => {
  let fixture: EditorFixture;
  let browser: Browser;
  let mapId: string;
  let personaId: string;
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
    // The two exports of the flow test, imported through the API (the flow test drives the import screens).
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
    personaId = (
      await fixture.api<{ id: string }>(fixture.owner, "POST", `${ws}/personas`, {
        name: "Shoppers in Iran",
        segment: { match: "all", conditions: [{ attribute: "国家", operator: "eq", value: "IR" }] },
      })
    ).id;
    const map = evidenceMap(touchpoints, [personaId]);
    ids = map.ids;
    mapId = await fixture.createMap({ snapshot: map.snapshot });
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  async function open(locale: string, path: string, ready: string): Promise<Page> {
    const context = await fixture.context(browser, fixture.owner);
    await context.addInitScript(`localStorage.setItem("opencjm.locale", ${JSON.stringify(locale)})`);
    const page = await context.newPage();
    await page.goto(`${fixture.server.url}/w/${fixture.workspaceId}${path}`);
    await page.getByTestId(ready).first().waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), until).toBe(locale);
    return page;
  }

  for (const locale of LANGUAGES) {
    it(`shows the data sources, linking, map data, paths and segment screens in ${locale} with no missing key`, async () => {
      const screens: Array<[string, string]> = [
        ["/data", "import-row"],
        ["/data/touchpoints", "unmapped-events"],
        [`/maps/${mapId}`, "step-evidence"],
        [`/maps/${mapId}/paths`, "sankey"],
        [`/personas/${personaId}`, "segment-size"],
      ];
      for (const [path, ready] of screens) {
        const page = await open(locale, path, ready);
        if (ready === "segment-size")
          await expect.poll(() => page.getByTestId("segment-size").getAttribute("data-customers"), until).toBe("40");
        expect([path, await page.locator("body").innerText()]).not.toEqual([path, expect.stringMatching(RAW_KEY)]);
        await page.context().close();
      }
    });
  }

  it("lays the evidence out right to left in Persian: funnel, data lane and Sankey start on the right", async () => {
    const map = await open("fa", `/maps/${mapId}`, "step-evidence");
    await expect.poll(() => map.getByTestId("funnel-stage").count(), until).toBe(3);
    const stages = await map
      .getByTestId("funnel-stage")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(stages[0]).toBeGreaterThan(stages[2]!);
    const home = (await map.locator(`[data-testid=step-evidence][data-step-id="${ids.steps.home}"]`).boundingBox())!;
    const checkout = (await map
      .locator(`[data-testid=step-evidence][data-step-id="${ids.steps.checkout}"]`)
      .boundingBox())!;
    expect(home.x).toBeGreaterThan(checkout.x);
    // Numbers in Persian digits.
    expect(
      await map
        .locator(`[data-testid=step-evidence][data-step-id="${ids.steps.home}"] [data-testid=step-customers]`)
        .textContent(),
    ).toBe("۱۰۰");
    await map.context().close();

    const paths = await open("fa", `/maps/${mapId}/paths`, "sankey");
    const node = (label: string) => paths.getByTestId("sankey-node").filter({ hasText: label }).locator("rect");
    const first = (await node("Opens the home page").boundingBox())!;
    const last = (await node("Checks out").first().boundingBox())!;
    expect(first.x).toBeGreaterThan(last.x);
    await paths.context().close();
  });
});
