/// <reference lib="dom" />
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShareLink, seedDemoEvidence } from "@opencjm/server/testing";
import { hasChromium, launchChromium } from "./browser.js";
import { createDemoUser, startAppServer, until, type AppServer, type DemoUser } from "./pages/appServer.js";

/** The demo map with the most lanes: it runs past one A4 page both across and down. */
const DEMO_TITLE = "Lena buys running shoes online";
/** Descriptions put on the demo map before printing: each must be read in the PDF's Descriptions appendix. */
const DESCRIBED = {
  stage: "Lena first hears of the spring race",
  step: "She taps the advert on her phone",
  touchpoint: "Story advert shown twice a day",
};
/**
 * The languages the pagination is checked in: English, and Persian (right to left, its own digits). Each with its
 * page label as the print view words it, that label as pdftotext reads it back (the page's number and count), and
 * the heading that starts the appendix (core's exports catalogue).
 */
const LANGUAGES = [
  {
    code: "en",
    label: (page: number, pages: number) => `Page ${page} of ${pages}`,
    printed: (text: string) => [...text.matchAll(/Page (\d+) of (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]),
    appendix: "Descriptions",
  },
  {
    code: "fa",
    label: (page: number, pages: number) => `صفحهٔ ${persian(page)} از ${persian(pages)}`,
    // pdftotext writes a right-to-left line either in reading order ("صفحهٔ ۱ از ۷") or as it is drawn, left to
    // right ("۷ از ۱ صفحهٔ"), depending on what else shares the line: both are read.
    printed: (text: string) => [
      ...[...text.matchAll(/صفح\S* ?([۰-۹]+) ?از ?([۰-۹]+)/g)].map((m) => [fromPersian(m[1]!), fromPersian(m[2]!)]),
      ...[...text.matchAll(/([۰-۹]+) ?از ?([۰-۹]+) ?صف/g)].map((m) => [fromPersian(m[2]!), fromPersian(m[1]!)]),
    ],
    appendix: "توضیحات",
  },
] as const;
const persian = (n: number) => new Intl.NumberFormat("fa").format(n);
const fromPersian = (digits: string) => Number([...digits].map((d) => d.charCodeAt(0) - 0x06f0).join(""));
// pdftotext wraps right-to-left runs in directional marks; they are no part of the words.
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A4 landscape less the print view's 10 mm margins, in CSS pixels: the height every printed page must fit in. */
const A4_LANDSCAPE_HEIGHT_PX = ((210 - 20) * 96) / 25.4;

const poppler = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** The longest run of lines (rows, or columns with `columns`) of one colour across the whole image, margins left out. */
function longestBlankBand(png: PNG, margin: number, columns = false): number {
  const [lines, length] = columns ? [png.width, png.height] : [png.height, png.width];
  const at = (line: number, i: number) => 4 * (columns ? i * png.width + line : line * png.width + i);
  let longest = 0;
  let run = 0;
  for (let line = margin; line < lines - margin; line++) {
    const first = at(line, 0);
    let blank = true;
    for (let i = 1; i < length && blank; i++) {
      const p = at(line, i);
      for (let c = 0; c < 3; c++) if (Math.abs(png.data[p + c]! - png.data[first + c]!) > 8) blank = false;
    }
    run = blank ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

// Each export starts (or reuses) the server's Chromium and computes the demo's metrics: slow on a busy machine.
describe.skipIf(!hasChromium())(
  "exports as deliverables: pages that match their labels, one whole PNG",
  { timeout: 180_000 },
  () => {
    let app: AppServer;
    let user: DemoUser;
    let browser: Browser;
    let dir: string;
    let mapId: string;

    const exportFile = async (query: string): Promise<Buffer> => {
      const res = await fetch(`${app.url}/api/workspaces/${user.workspaceId}/maps/${mapId}/export?${query}`, {
        headers: { cookie: `cjm_session=${user.cookie}` },
      });
      expect([query, res.status]).toEqual([query, 200]);
      return Buffer.from(await res.arrayBuffer());
    };

    /** Calls the workspace's JSON API as the demo user: the session cookie and its CSRF token. */
    const api = async (method: string, path: string, body: unknown) => {
      const cookie = `cjm_session=${user.cookie}`;
      const session = (await (await fetch(`${app.url}/api/auth/session`, { headers: { cookie } })).json()) as {
        csrfToken: string;
      };
      const res = await fetch(`${app.url}/api/workspaces/${user.workspaceId}${path}`, {
        method,
        headers: { cookie, "x-csrf-token": session.csrfToken, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect([path, res.status]).toEqual([path, 200]);
    };
    /** Describes the map's first stage, its first step and a touchpoint a card on the map uses, as an editor would. */
    const describeStageStepAndTouchpoint = async () => {
      const snapshot = await app.server.services.maps.readSnapshot(mapId);
      const stage = snapshot.stages[0]!;
      const step = snapshot.steps.find((s) => s.stageId === stage.id)!;
      const touchpointId = snapshot.cells
        .flatMap((c) => c.cards)
        .flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId] : []))[0]!;
      await api("POST", `/maps/${mapId}/operations`, {
        operations: [
          { op: "updateStage", stageId: stage.id, description: DESCRIBED.stage },
          { op: "updateStep", stepId: step.id, description: DESCRIBED.step },
        ],
      });
      await api("PATCH", `/touchpoints/${touchpointId}`, { description: DESCRIBED.touchpoint });
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "cjm-pages-"));
      app = await startAppServer();
      user = await createDemoUser(app, { email: "pages@example.test", name: "Page Setter" });
      // The demo's customer data, smaller than at start-up so the test stays quick.
      await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 2000 });
      for (const id of user.mapIds)
        if ((await app.server.services.maps.readSnapshot(id)).settings.title === DEMO_TITLE) mapId = id;
      await describeStageStepAndTouchpoint();
      browser = await launchChromium();
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it.each(LANGUAGES)(
      "$code: prints as many A4 pages as its labels count, each with its own number, the title and its stage headers",
      async ({ code, printed, appendix }) => {
        const file = join(dir, `demo-${code}.pdf`);
        writeFileSync(file, await exportFile(`format=pdf&paper=A4&orientation=landscape&lang=${code}`));
        const pages = Number(poppler("pdfinfo", [file]).match(/Pages:\s+(\d+)/)![1]);
        expect(pages).toBeGreaterThan(1);
        const { stages, steps } = await app.server.services.maps.readSnapshot(mapId);
        const stageName = new Map(stages.map((s) => [s.id as string, s.name]));
        const texts = Array.from({ length: pages }, (_, i) =>
          poppler("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), file, "-"])
            .replace(BIDI_MARKS, "")
            .replace(/\s+/g, " "),
        );
        const mapPages = texts.findIndex((text) => text.includes(appendix));
        expect(mapPages).toBeGreaterThan(1);
        const printedSteps = new Set<string>();
        for (const [i, text] of texts.entries()) {
          const p = i + 1;
          expect([p, printed(text)]).toEqual([p, [[p, pages]]]);
          // The title heads every page, the appendix's too.
          expect([p, text.includes(DEMO_TITLE)]).toEqual([p, true]);
          if (i >= mapPages) continue;
          // A page of the map carries the headers of the columns it prints: its steps, and over them their stages,
          // however far down the map the page is.
          const onPage = steps.filter((s) => text.includes(s.name));
          expect([p, onPage.length > 0]).toEqual([p, true]);
          for (const step of onPage) {
            printedSteps.add(step.id);
            const stage = stageName.get(step.stageId)!;
            expect([p, step.name, stage, text.includes(stage)]).toEqual([p, step.name, stage, true]);
          }
        }
        expect(printedSteps.size).toBe(steps.length);
        if (code !== "en") return;
        const all = poppler("pdftotext", [file, "-"]);
        // The data lane's figures: its "Customers" heading beside a number at several steps.
        expect((all.match(/Customers/g) ?? []).length).toBeGreaterThan(2);
        // The appendix after the map: descriptions, the demo's ideas and its KPIs, on pages of their own.
        for (const title of ["Descriptions", "Ideas", "KPIs"])
          expect([title, all.includes(title)]).toEqual([title, true]);
        // The descriptions put on the map are printed in words after the appendix's "Descriptions" heading (a line
        // may wrap, so the text is compared with its runs of white space made one).
        const described = all.slice(all.indexOf("Descriptions")).replace(/\s+/g, " ");
        for (const [kind, text] of Object.entries(DESCRIBED))
          expect([kind, described.includes(text)]).toEqual([kind, true]);
      },
    );

    it.each(LANGUAGES)(
      "$code: lays out each page within the paper's height, every card whole, stage and step headers on each, data lane filled",
      async ({ code, label }) => {
        const { token } = await createShareLink(app.server.services.db, {
          workspaceId: user.workspaceId,
          mapId,
          userId: user.userId,
          purpose: "export",
          expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
        });
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(`${app.url}/print/${token}?lang=${code}&paper=A4&orientation=landscape`);
        await expect
          .poll(() => page.evaluate(() => document.documentElement.dataset.printReady ?? null), until)
          .toBe("true");
        const layout = await page.evaluate(() =>
          Array.from(document.querySelectorAll('[data-testid="print-page"]')).map((section) => {
            const box = section.getBoundingClientRect();
            const cards = Array.from(section.querySelectorAll("[data-card-id]")).map((card) => {
              const r = card.getBoundingClientRect();
              return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
            });
            return {
              height: box.height,
              label: section.querySelector('[data-testid="print-page-label"]')?.textContent ?? "",
              cards: cards.length,
              cut: cards.filter((inside) => !inside).length,
              figures: Array.from(section.querySelectorAll('[data-testid="step-customers"]')).map(
                (d) => d.textContent ?? "",
              ),
              appendixRows: section.querySelectorAll('[data-testid="print-appendix"] tbody tr').length,
              title: section.querySelector('[data-testid="print-header"] h1')?.textContent ?? "",
              stageHeaders: Array.from(section.querySelectorAll('[data-testid="stage-header"]')).map(
                (h) => h.getAttribute("data-stage-id") ?? "",
              ),
              stepHeaders: Array.from(section.querySelectorAll('[data-testid="step-header"]')).map(
                (h) => h.getAttribute("data-step-id") ?? "",
              ),
            };
          }),
        );
        expect(layout.length).toBeGreaterThan(1);
        expect(layout.reduce((n, p) => n + p.cards, 0)).toBeGreaterThan(10);
        for (const [i, p] of layout.entries()) {
          expect([i, p.label]).toEqual([i, label(i + 1, layout.length)]);
          expect([i, p.title]).toEqual([i, DEMO_TITLE]);
          expect([i, p.height <= A4_LANDSCAPE_HEIGHT_PX]).toEqual([i, true]);
          expect([i, p.cut]).toEqual([i, 0]);
        }
        // The appendix comes after the map's pages, its rows split between pages, none lost.
        const firstAppendix = layout.findIndex((p) => p.appendixRows > 0);
        expect(firstAppendix).toBeGreaterThan(0);
        expect(layout.slice(firstAppendix).every((p) => p.cards === 0 && p.appendixRows > 0)).toBe(true);
        // Every page of the map repeats the headers of its columns: the step headers, and a header for the stage of
        // each of those steps; together the pages show every step.
        const { steps } = await app.server.services.maps.readSnapshot(mapId);
        const stageOf = new Map(steps.map((s) => [s.id as string, s.stageId as string]));
        for (const [i, p] of layout.slice(0, firstAppendix).entries()) {
          expect([i, p.stepHeaders.length > 0]).toEqual([i, true]);
          const stagesNeeded = [...new Set(p.stepHeaders.map((id) => stageOf.get(id)))].sort();
          expect([i, [...new Set(p.stageHeaders)].sort()]).toEqual([i, stagesNeeded]);
        }
        expect(new Set(layout.flatMap((p) => p.stepHeaders)).size).toBe(steps.length);
        const figures = layout.flatMap((p) => p.figures);
        expect(figures.length).toBeGreaterThan(2);
        expect(figures.some((f) => /[1-9۱-۹]/.test(f))).toBe(true);
        await page.close();
      },
    );

    it("exports the PNG as one image of the whole map: no band of blank rows or columns inside it", async () => {
      const png = PNG.sync.read(await exportFile("format=png&scale=1"));
      expect(png.width).toBeGreaterThan(1000);
      expect(png.height).toBeGreaterThan(400);
      // The image's own padding is 16 px; inside it, nothing wider than the gap under the title is one flat colour.
      expect(longestBlankBand(png, 20)).toBeLessThan(24);
      expect(longestBlankBand(png, 20, true)).toBeLessThan(24);
      const sharp = PNG.sync.read(await exportFile("format=png"));
      expect(Math.abs(sharp.width - 2 * png.width)).toBeLessThan(4);
    });
  },
);
