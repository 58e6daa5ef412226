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

    it("prints as many A4 pages as its labels count, each labelled with its own number, the data lane with figures", async () => {
      const file = join(dir, "demo.pdf");
      writeFileSync(file, await exportFile("format=pdf&paper=A4&orientation=landscape"));
      const pages = Number(poppler("pdfinfo", [file]).match(/Pages:\s+(\d+)/)![1]);
      expect(pages).toBeGreaterThan(1);
      for (let p = 1; p <= pages; p++) {
        const text = poppler("pdftotext", ["-f", String(p), "-l", String(p), file, "-"]);
        expect([p, text.match(/Page \d+ of \d+/g)]).toEqual([p, [`Page ${p} of ${pages}`]]);
        // The title and the stage headers are repeated on every page.
        expect([p, text.includes(DEMO_TITLE)]).toEqual([p, true]);
      }
      const all = poppler("pdftotext", [file, "-"]);
      // The data lane's figures: its "Customers" heading beside a number at several steps.
      expect((all.match(/Customers/g) ?? []).length).toBeGreaterThan(2);
      // The appendix after the map: descriptions, the demo's ideas and its KPIs, on pages of their own.
      for (const title of ["Descriptions", "Ideas", "KPIs"])
        expect([title, all.includes(title)]).toEqual([title, true]);
      // The descriptions put on the map are printed in words after the appendix's "Descriptions" heading (a line
      // may wrap, so the text is compared with its runs of white space made one).
      const appendix = all.slice(all.indexOf("Descriptions")).replace(/\s+/g, " ");
      for (const [kind, text] of Object.entries(DESCRIBED))
        expect([kind, appendix.includes(text)]).toEqual([kind, true]);
    });

    it("lays out each page within the paper's height with every card whole on its page, data lane filled", async () => {
      const { token } = await createShareLink(app.server.services.db, {
        workspaceId: user.workspaceId,
        mapId,
        userId: user.userId,
        purpose: "export",
        expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      });
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(`${app.url}/print/${token}?lang=en&paper=A4&orientation=landscape`);
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
          };
        }),
      );
      expect(layout.length).toBeGreaterThan(1);
      expect(layout.reduce((n, p) => n + p.cards, 0)).toBeGreaterThan(10);
      for (const [i, p] of layout.entries()) {
        expect([i, p.label]).toEqual([i, `Page ${i + 1} of ${layout.length}`]);
        expect([i, p.height <= A4_LANDSCAPE_HEIGHT_PX]).toEqual([i, true]);
        expect([i, p.cut]).toEqual([i, 0]);
      }
      // The appendix comes after the map's pages, its rows split between pages, none lost.
      const firstAppendix = layout.findIndex((p) => p.appendixRows > 0);
      expect(firstAppendix).toBeGreaterThan(0);
      expect(layout.slice(firstAppendix).every((p) => p.cards === 0 && p.appendixRows > 0)).toBe(true);
      const figures = layout.flatMap((p) => p.figures);
      expect(figures.length).toBeGreaterThan(2);
      expect(figures.some((f) => /[1-9]/.test(f))).toBe(true);
      await page.close();
    });

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
