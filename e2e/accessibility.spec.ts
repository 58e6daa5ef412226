/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createShareLink, seedDemoEvidence } from "@opencjm/server/testing";
import { seriousViolations } from "./axeAudit.js";
import { hasChromium, launchChromium } from "./browser.js";
import { apiAs, createDemoUser, startAppServer, until, type AppServer, type DemoUser } from "./pages/appServer.js";

/**
 * axe-core over every main screen and the main dialogs of the demo workspace, in each of the five languages (Persian
 * right to left): no serious or critical violation. One server and one browser; a context per language.
 */
const LANGUAGES = ["en", "zh-Hant", "zh-Hans", "ru", "fa"] as const;
const DEMO_TITLE = "Lena buys running shoes online";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium())("every screen passes axe-core in every language", () => {
  let app: AppServer;
  let browser: Browser;
  let user: DemoUser;
  let mapId = "";
  let personaId = "";
  let shareToken = "";
  let versionId = "";
  let noteId = "";
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startAppServer();
    user = await createDemoUser(app, { email: "axe@example.test", name: "Robin Baker" });
    // A small share of the demo's customer data, so the editor's data view has numbers to show.
    await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 300 });
    for (const id of user.mapIds)
      if ((await app.server.services.maps.readSnapshot(id)).settings.title === DEMO_TITLE) mapId = id;
    personaId = (
      await app.server.services.db.kysely
        .selectFrom("personas")
        .select("id")
        .where("workspace_id", "=", user.workspaceId)
        .orderBy("name")
        .executeTakeFirstOrThrow()
    ).id;
    browser = await launchChromium();
    const page = await pageFor("en", DESKTOP);
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    const path = `/api/workspaces/${user.workspaceId}/maps/${mapId}/share-links`;
    shareToken = (await apiAs<{ token: string }>(page, "POST", path, { label: "axe" })).token;
    const map = `/api/workspaces/${user.workspaceId}/maps/${mapId}`;
    versionId = (await apiAs<{ id: string }>(page, "POST", `${map}/versions`, { name: "Before the workshop" })).id;
    // An interview note with a highlight on the map, as a researcher leaves it.
    const research = `/api/workspaces/${user.workspaceId}/research`;
    const study = await apiAs<{ id: string }>(page, "POST", `${research}/studies`, {
      title: "Shoe buyers",
      method: "interview",
      mapIds: [mapId],
    });
    const participant = await apiAs<{ id: string }>(page, "POST", `${research}/participants`, {
      studyId: study.id,
      code: "P1",
    });
    const text = "I saw the shoes on Instagram first, then I compared prices.";
    noteId = (
      await apiAs<{ id: string }>(page, "POST", `${research}/notes`, {
        studyId: study.id,
        participantId: participant.id,
        text,
      })
    ).id;
    const { steps } = await app.server.services.maps.readSnapshot(mapId);
    await apiAs(page, "POST", `${research}/highlights`, {
      noteId,
      start: 0,
      end: 36,
      anchors: [{ kind: "step", mapId, stepId: steps[0]!.id }],
    });
  }, 180_000);
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page in a language (signed in unless `signedOut`), the data view off until asked for. */
  async function pageFor(code: string, viewport: { width: number; height: number }, signedOut = false): Promise<Page> {
    const context = await browser.newContext({ locale: code, viewport, reducedMotion: "reduce", bypassCSP: true });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    if (!signedOut) await context.addCookies([{ name: "cjm_session", value: user.cookie, url: app.url }]);
    await context.addInitScript((lang) => {
      localStorage.setItem("opencjm.locale", lang);
      localStorage.setItem("opencjm.evidence.shown", "false");
    }, code);
    return context.newPage();
  }

  for (const code of LANGUAGES)
    it(`${code}: screens and dialogs have no serious or critical violations`, async () => {
      const w = `${app.url}/w/${user.workspaceId}`;
      const found: string[] = [];
      const check = async (page: Page, screen: string, within?: string) =>
        found.push(...(await seriousViolations(page, `${code} ${screen}`, within)));
      /** Opens a dialog or menu and checks what it shows (the page under it has been checked already). */
      const open = async (page: Page, trigger: string, shown: string, screen: string, entry?: string) => {
        await page.getByTestId(trigger).click();
        if (entry) await page.getByTestId(entry).click();
        await page.getByTestId(shown).waitFor();
        await check(page, screen, `[data-testid="${shown}"]`);
        await page.keyboard.press("Escape");
        await expect.poll(() => page.getByTestId(shown).count(), until).toBe(0);
      };
      const visit = async (page: Page, path: string, ready: string, screen: string) => {
        await page.goto(path);
        await page.getByTestId(ready).first().waitFor();
        await check(page, screen);
      };
      const page = await pageFor(code, DESKTOP);
      // The document says which language it is in, and its direction.
      await page.goto(w);
      await page.getByTestId("map-row").first().waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        code,
        code === "fa" ? "rtl" : "ltr",
      ]);
      await check(page, "home");
      await open(page, "workspace-switcher", "workspace-switcher-panel", "workspace menu");

      await visit(page, `${w}/maps/${mapId}`, "map-grid", "map editor");
      await open(page, "add-lane", "add-lane-panel", "add-lane menu");
      await open(page, "exchange-menu", "export-dialog", "export dialog", "open-export");
      await open(page, "more-tools", "settings-drawer", "settings drawer", "open-settings");
      await page.getByTestId("toggle-data").click();
      await page.getByTestId("step-evidence").first().waitFor();
      await check(page, "map editor with data");
      await page.getByTestId("toggle-data").click();
      await page.getByTestId("present").click();
      await page.getByTestId("presentation").waitFor();
      await check(page, "presentation");
      await page.keyboard.press("Escape");

      await visit(page, `${w}/maps/${mapId}/paths`, "paths-page", "paths");
      await visit(page, `${w}/personas/${personaId}`, "persona-card-view", "persona");
      await visit(page, `${w}/ideas`, "idea-filters", "ideas");
      await visit(page, `${w}/kpis`, "new-kpi", "KPIs");
      await visit(page, `${w}/research`, "new-study", "research");
      await visit(page, `${w}/members`, "members-page", "members");
      await visit(page, `${w}/new`, "template-gallery", "new map");
      await visit(page, `${w}/data`, "data-sources-page", "data sources");
      for (const [path, screen] of [
        ["activity", "activity"],
        ["customers", "customer timeline"],
        ["drift", "drift"],
        ["research/search", "insight search"],
        ["data/touchpoints", "touchpoint rules"],
        [`compare/${user.mapIds[0]}/${user.mapIds[1]}`, "compare maps"],
      ] as const) {
        await page.goto(`${w}/${path}`);
        await page.locator("h1").first().waitFor();
        await check(page, screen);
      }
      await visit(page, `${app.url}/share/${shareToken}`, "map-grid", "share page");
      await visit(page, `${app.url}/embed/${shareToken}`, "map-grid", "embed");

      const phone = await pageFor(code, PHONE);
      await visit(phone, `${w}/maps/${mapId}`, "reading-view", "phone reading");
      await open(phone, "compact-nav", "compact-nav-panel", "phone menu");

      const visitor = await pageFor(code, DESKTOP, true);
      await visitor.goto(`${app.url}/signin`);
      await visitor.locator("form").first().waitFor();
      await check(visitor, "sign-in");
      await visitor.goto(`${app.url}/signup`);
      await visitor.locator("form").first().waitFor();
      await check(visitor, "sign-up");

      expect(found).toEqual([]);
    }, 240_000);

  /** A print view as the exporter opens it: a one-use export link, no cookies, the language in the address. */
  async function printView(code: string, layout: "map" | "infographic"): Promise<Page> {
    const { token } = await createShareLink(app.server.services.db, {
      workspaceId: user.workspaceId,
      mapId,
      userId: user.userId,
      purpose: "export",
      expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    const page = await pageFor(code, { width: 1600, height: 1000 }, true);
    const query = layout === "infographic" ? "&layout=infographic" : "&orientation=landscape";
    await page.goto(`${app.url}/print/${token}?lang=${code}&paper=A4${query}`);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.printReady ?? null), until)
      .toBe("true");
    return page;
  }

  for (const code of LANGUAGES)
    it(`${code}: the history panel and a version's page, a research note and both print views pass axe`, async () => {
      const w = `${app.url}/w/${user.workspaceId}`;
      const found: string[] = [];
      const check = async (page: Page, screen: string, within?: string) =>
        found.push(...(await seriousViolations(page, `${code} ${screen}`, within)));
      const page = await pageFor(code, DESKTOP);
      await page.goto(`${w}/maps/${mapId}`);
      await page.getByTestId("map-grid").waitFor();
      await page.getByTestId("history-button").click();
      await page.getByTestId("history-version").first().waitFor();
      await check(page, "history panel", '[data-testid="history-panel"]');
      await page.goto(`${w}/maps/${mapId}/versions/${versionId}`);
      await page.getByTestId("version-title").waitFor();
      await page.getByTestId("stage-header").first().waitFor();
      await check(page, "version page");
      await page.goto(`${w}/research/notes/${noteId}`);
      await page.getByTestId("note-highlights").waitFor();
      await check(page, "research note");
      await check(await printView(code, "map"), "print view");
      await check(await printView(code, "infographic"), "infographic print view");
      expect(found).toEqual([]);
    }, 180_000);

  it("reaches the emotion legend's persona pick and a lane's fold by keyboard, through the lane's menu", async () => {
    const page = await pageFor("en", DESKTOP);
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    const personas = await app.server.services.db.kysely
      .selectFrom("personas")
      .select(["id", "name"])
      .where("workspace_id", "=", user.workspaceId)
      .orderBy("name")
      .execute();
    const created = await apiAs<{ map: { id: string } }>(page, "POST", `/api/workspaces/${user.workspaceId}/maps`, {
      templateId: "awareness-to-advocacy",
      locale: "en",
      personaIds: personas.slice(0, 2).map((p) => p.id),
    });
    await page.goto(`${app.url}/w/${user.workspaceId}/maps/${created.map.id}`);
    await page.getByTestId("map-grid").waitFor();
    const focused = () =>
      page.evaluate(() => ({
        key: document.activeElement?.getAttribute("data-focus-key") ?? "",
        text: document.activeElement?.textContent ?? "",
        inGrid: !!document.activeElement?.closest("[data-testid=map-grid]"),
      }));
    /**
     * Presses `key` until what has the focus matches (at most `max` times); fails when it never does. After each press
     * it waits for the focus to move (at most half a second): a menu moves its focus a moment after the key, later on a
     * busy machine, and read at once the walk would press once too often and overshoot.
     */
    const pressUntil = async (key: string, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 60) => {
      for (let i = 0; i < max && !wanted(await focused()); i++) {
        const before = await page.evaluateHandle(() => document.activeElement);
        await page.keyboard.press(key);
        await page
          .waitForFunction((el) => document.activeElement !== el, before, { timeout: 500, polling: "raf" })
          .catch(() => undefined);
        await before.dispose();
      }
      const last = await focused();
      expect({ ...last, wanted: wanted(last) }).toEqual({ ...last, wanted: true });
    };
    // The grid is one tab stop (its keyboard navigation is tested in mapEditor.spec.ts): from it, the arrows reach the emotion
    // lane's header.
    await page.waitForLoadState("networkidle");
    await page.locator("[data-testid=map-grid] [data-focus-key][tabindex='0']").focus();
    expect(await focused()).toMatchObject({ inGrid: true });
    const emotionLane = await page
      .locator("[data-testid=lane-header][data-lane-type=emotion]")
      .getAttribute("data-lane-id");
    const firstLane = await page.getByTestId("lane-header").first().getAttribute("data-lane-id");
    await pressUntil("ArrowDown", (f) => /^(cell|lane):/.test(f.key), 5);
    await pressUntil("ArrowLeft", (f) => f.key.startsWith("lane:"), 40);
    await pressUntil("ArrowUp", (f) => f.key === `lane:${firstLane}`, 30);
    await pressUntil("ArrowDown", (f) => f.key === `lane:${emotionLane}`, 30);
    const header = page.locator(`[data-testid=lane-header][data-lane-id="${emotionLane}"]`);
    const legendButton = (name: string) => header.getByTestId("emotion-legend").getByRole("button", { name });
    expect(await legendButton(personas[1]!.name).getAttribute("aria-pressed")).toBe("false");

    // The menu lists the persona pick (the persona picked already greyed out): the second persona is chosen.
    await page.keyboard.press("Shift+F10");
    await page.getByRole("menu").waitFor();
    await pressUntil("ArrowDown", (f) => f.text === `Add and drag points for ${personas[1]!.name}`, 10);
    await page.keyboard.press("Enter");
    await expect.poll(() => legendButton(personas[1]!.name).getAttribute("aria-pressed"), until).toBe("true");
    expect(await legendButton(personas[0]!.name).getAttribute("aria-pressed")).toBe("false");
    await expect.poll(focused, until).toMatchObject({ key: `lane:${emotionLane}` });

    // The collapse toggle's action is in the same menu, and brings the lane back the same way.
    const toggle = header.locator("button[aria-expanded]:not([data-testid=header-menu])");
    for (const [entry, expanded] of [
      ["Collapse lane", "false"],
      ["Expand lane", "true"],
    ] as const) {
      await page.keyboard.press("Shift+F10");
      await page.getByRole("menu").waitFor();
      await pressUntil("ArrowDown", (f) => f.text === entry, 12);
      await page.keyboard.press("Enter");
      await expect.poll(() => toggle.getAttribute("aria-expanded"), until).toBe(expanded);
      await expect.poll(focused, until).toMatchObject({ key: `lane:${emotionLane}` });
    }
  }, 120_000);
});
