/// <reference lib="dom" />
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pixelmatch from "pixelmatch";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoEvidence } from "@opencjm/server/testing";
import { hasChromium, launchChromium } from "./browser.js";
import { createDemoUser, startAppServer, until, type AppServer, type DemoUser } from "./pages/appServer.js";

/**
 * Visual regression: the main screens and the exports of the demo workspace in every language, compared with the
 * images committed in e2e/baselines/. `UPDATE_BASELINES=1` writes the current images as the new baselines (look at
 * them before committing). A screen fails when more than MAX_CHANGED of its pixels differ beyond pixelmatch's colour
 * threshold, or when its size changed; the current image and the difference are then left in a temporary folder.
 */
const LANGUAGES = ["en", "zh-Hant", "zh-Hans", "ru", "fa"] as const;
const DEMO_TITLE = "Lena buys running shoes online";
const UPDATE = process.env.UPDATE_BASELINES === "1";
const BASELINES = fileURLToPath(new URL("./baselines/", import.meta.url));
/** Share of pixels that may differ: anti-aliasing and font hinting move a few edge pixels between runs. */
const MAX_CHANGED = 0.005;
/** The clock every page sees, so nothing dated depends on the day the test runs. */
const FIXED_NOW = new Date("2027-01-15T10:00:00Z");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** LibreOffice Impress, which draws the PowerPoint deck as a reader's office suite would (or SOFFICE_PATH). */
const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";

const failures = mkdtempSync(join(tmpdir(), "cjm-visual-"));

/** How many pages a PDF has (poppler's pdfinfo). */
const pageCount = (pdf: string) =>
  Number(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/Pages:\s+(\d+)/)![1]);

/** One page of a PDF as the reader sees it, rendered by poppler at screen resolution (48 dpi) as a PNG. */
const pdfPage = (pdf: string, page: number) =>
  execFileSync("pdftoppm", ["-png", "-r", "48", "-f", String(page), "-l", String(page), pdf]);

/** The text of one page of a PDF, its runs of white space made one. */
const pdfPageText = (pdf: string, page: number) =>
  execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  );

/** A PowerPoint deck turned into a PDF by LibreOffice (a profile of its own, so it never meets a running office). */
function deckAsPdf(pptx: Buffer, name: string): string {
  const file = join(failures, `${name}.pptx`);
  writeFileSync(file, pptx);
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(join(failures, "office-profile")).href}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      failures,
      file,
    ],
    { timeout: 180_000 },
  );
  return join(failures, `${name}.pdf`);
}

/** Compares an image with its baseline (or writes the baseline when updating) and returns what differed. */
function compareWithBaseline(name: string, image: Buffer): string | null {
  const file = join(BASELINES, `${name}.png`);
  if (UPDATE) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, image);
    return null;
  }
  writeFileSync(join(failures, `${name}.actual.png`), image);
  if (!existsSync(file)) return `${name}: no baseline (run with UPDATE_BASELINES=1 to write it; see ${failures})`;
  const [actual, expected] = [PNG.sync.read(image), PNG.sync.read(readFileSync(file))];
  if (actual.width !== expected.width || actual.height !== expected.height)
    return `${name}: ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height} (see ${failures})`;
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const share = changed / (actual.width * actual.height);
  if (share <= MAX_CHANGED) return null;
  writeFileSync(join(failures, `${name}.diff.png`), PNG.sync.write(diff));
  return `${name}: ${(share * 100).toFixed(2)} % of pixels changed (see ${failures})`;
}

describe.skipIf(!hasChromium())("the main screens and exports look as they did, in every language", () => {
  let app: AppServer;
  let browser: Browser;
  const users = new Map<string, DemoUser & { mapId: string; personaId: string }>();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startAppServer();
    for (const code of LANGUAGES) {
      const user = await createDemoUser(app, { email: `look-${code}@example.test`, name: "Robin Baker", locale: code });
      // A small, seeded share of the demo's customer data: the same figures on every run.
      await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 300 });
      let mapId = "";
      for (const id of user.mapIds)
        if ((await app.server.services.maps.readSnapshot(id)).settings.title === DEMO_TITLE) mapId = id;
      const persona = await app.server.services.db.kysely
        .selectFrom("personas")
        .select("id")
        .where("workspace_id", "=", user.workspaceId)
        .orderBy("name")
        .executeTakeFirstOrThrow();
      users.set(code, { ...user, mapId, personaId: persona.id });
    }
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  /** A signed-in page in a language: fixed clock, reduced motion, no caret, the data view off until asked for. */
  async function pageFor(code: string, viewport = DESKTOP): Promise<Page> {
    const user = users.get(code)!;
    const context = await browser.newContext({ locale: code, viewport, reducedMotion: "reduce", deviceScaleFactor: 1 });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    await context.addCookies([{ name: "cjm_session", value: user.cookie, url: app.url }]);
    await context.addInitScript((lang) => {
      localStorage.setItem("opencjm.locale", lang);
      localStorage.setItem("opencjm.evidence.shown", "false");
    }, code);
    const page = await context.newPage();
    await page.clock.setFixedTime(FIXED_NOW);
    return page;
  }

  /** A screenshot once the page is idle and its fonts are in, dated text masked, then compared. */
  async function shoot(page: Page, name: string): Promise<string | null> {
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const image = await page.screenshot({ animations: "disabled", caret: "hide", mask: [page.locator("time")] });
    return compareWithBaseline(name, image);
  }

  async function exportOf(code: string, query: string): Promise<Buffer> {
    const user = users.get(code)!;
    // A connection of its own: the comparisons and LibreOffice before an export block this process (server and
    // client alike) for seconds, so a kept-alive socket could be picked just as the server's keep-alive timer closes
    // it — a reset that says nothing about the export.
    const res = await fetch(`${app.url}/api/workspaces/${user.workspaceId}/maps/${user.mapId}/export?${query}`, {
      headers: { cookie: `cjm_session=${user.cookie}`, connection: "close" },
    });
    expect([query, res.status]).toEqual([query, 200]);
    return Buffer.from(await res.arrayBuffer());
  }

  for (const code of LANGUAGES)
    it(`${code}: home, editor without and with data, presentation, paths, persona, phone reading, PNG, PDF, infographic, PowerPoint`, async () => {
      const user = users.get(code)!;
      const w = `${app.url}/w/${user.workspaceId}`;
      const problems: Array<string | null> = [];
      const page = await pageFor(code);

      await page.goto(w);
      await page.getByTestId("map-row").first().waitFor();
      problems.push(await shoot(page, `${code}-home`));

      await page.goto(`${w}/maps/${user.mapId}`);
      await page.getByTestId("map-grid").waitFor();
      problems.push(await shoot(page, `${code}-editor`));

      const toggle = page.getByTestId("toggle-data");
      if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
      await page.getByTestId("step-evidence").first().waitFor();
      problems.push(await shoot(page, `${code}-editor-data`));
      await toggle.click();
      await expect.poll(() => page.getByTestId("step-evidence").count(), until).toBe(0);

      await page.getByTestId("present").click();
      await page.getByTestId("presentation").waitFor();
      problems.push(await shoot(page, `${code}-presentation`));
      await page.keyboard.press("Escape");

      await page.goto(`${w}/maps/${user.mapId}/paths`);
      await page.getByTestId("paths-page").waitFor();
      problems.push(await shoot(page, `${code}-paths`));

      await page.goto(`${w}/personas/${user.personaId}`);
      await page.getByTestId("persona-card-view").waitFor();
      problems.push(await shoot(page, `${code}-persona`));

      const phone = await pageFor(code, PHONE);
      await phone.goto(`${w}/maps/${user.mapId}`);
      await phone.getByTestId("reading-view").waitFor();
      problems.push(await shoot(phone, `${code}-phone-reading`));

      problems.push(compareWithBaseline(`${code}-export-png`, await exportOf(code, `format=png&scale=1&lang=${code}`)));
      const pdf = join(failures, `${code}.pdf`);
      writeFileSync(pdf, await exportOf(code, `format=pdf&paper=A4&orientation=landscape&lang=${code}`));
      // Every page of the PDF: the map's later pages repeat its headers, and the appendix follows them.
      for (let n = 1; n <= pageCount(pdf); n++)
        problems.push(compareWithBaseline(`${code}-export-pdf-page${n}`, pdfPage(pdf, n)));

      problems.push(
        compareWithBaseline(
          `${code}-export-infographic-png`,
          await exportOf(code, `format=infographic-png&scale=1&lang=${code}`),
        ),
      );
      const infographic = join(failures, `${code}-infographic.pdf`);
      writeFileSync(infographic, await exportOf(code, `format=infographic&lang=${code}`));
      problems.push(compareWithBaseline(`${code}-export-infographic-pdf`, pdfPage(infographic, 1)));

      problems.push(...(await deckProblems(code)));
      expect(problems.filter((p) => p !== null)).toEqual([]);
    }, 300_000);

  /**
   * The PowerPoint deck as LibreOffice draws it: its title slide, and the first slide of the map (the first that
   * names the map's first step). Without LibreOffice that is a failure that says so, not a silent pass.
   */
  async function deckProblems(code: string): Promise<Array<string | null>> {
    if (!existsSync(SOFFICE))
      return [`${code}-export-pptx: no LibreOffice at ${SOFFICE} (install Debian's libreoffice-impress-nogui)`];
    const deck = deckAsPdf(await exportOf(code, `format=pptx&lang=${code}`), `${code}-deck`);
    const { steps } = await app.server.services.maps.readSnapshot(users.get(code)!.mapId);
    const slides = Array.from({ length: pageCount(deck) }, (_, i) => i + 1);
    const mapSlide = slides.find((n) => n > 1 && pdfPageText(deck, n).includes(steps[0]!.name));
    return [
      compareWithBaseline(`${code}-export-pptx-slide1`, pdfPage(deck, 1)),
      mapSlide === undefined
        ? `${code}-export-pptx: no slide names the map's first step "${steps[0]!.name}"`
        : compareWithBaseline(`${code}-export-pptx-map`, pdfPage(deck, mapSlide)),
    ];
  }
});
