/// <reference lib="dom" />
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoEvidence } from "@opencjm/server/testing";
import { hasChromium } from "./browser.js";
import { createDemoUser, startAppServer, type AppServer, type DemoUser } from "./pages/appServer.js";

/** The demo map with pain points, opportunities, ideas, a persona with a quote and customer data. */
const DEMO_TITLE = "Lena buys running shoes online";
const LOCALES = ["en", "zh-Hant", "zh-Hans", "ru", "fa"] as const;

const poppler = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** The longest run of rows of one colour, the image's outer `margin` rows left out. */
function longestBlankRows(png: PNG, margin: number): number {
  let longest = 0;
  let run = 0;
  for (let y = margin; y < png.height - margin; y++) {
    const first = 4 * y * png.width;
    let blank = true;
    for (let x = 1; x < png.width && blank; x++) {
      const p = 4 * (y * png.width + x);
      for (let c = 0; c < 3; c++) if (Math.abs(png.data[p + c]! - png.data[first + c]!) > 8) blank = false;
    }
    run = blank ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

// Each export starts (or reuses) the server's Chromium and computes the demo's metrics: slow on a busy machine.
describe.skipIf(!hasChromium())("the infographic export: one designed page", { timeout: 240_000 }, () => {
  let app: AppServer;
  let user: DemoUser;
  let dir: string;
  let mapId: string;

  const exportFile = async (query: string): Promise<Buffer> => {
    const res = await fetch(`${app.url}/api/workspaces/${user.workspaceId}/maps/${mapId}/export?${query}`, {
      headers: { cookie: `cjm_session=${user.cookie}` },
    });
    expect([query, res.status]).toEqual([query, 200]);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-infographic-"));
    app = await startAppServer();
    user = await createDemoUser(app, { email: "infographic@example.test", name: "Info Grapher" });
    await seedDemoEvidence(app.server.services, user.workspaceId, { customers: 2000 });
    for (const id of user.mapIds)
      if ((await app.server.services.maps.readSnapshot(id)).settings.title === DEMO_TITLE) mapId = id;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints exactly one landscape page in every language, with the map's parts in that language", async () => {
    for (const lang of LOCALES) {
      const file = join(dir, `infographic-${lang}.pdf`);
      writeFileSync(file, await exportFile(`format=infographic&lang=${lang}`));
      const info = poppler("pdfinfo", [file]);
      expect([lang, Number(info.match(/Pages:\s+(\d+)/)![1])]).toEqual([lang, 1]);
      expect([lang, info.match(/^Title:\s+(.*)$/m)?.[1]]).toEqual([lang, DEMO_TITLE]);
      // A4 landscape: 842 × 595 points.
      const [width, height] = info
        .match(/Page size:\s+([\d.]+) x ([\d.]+)/)!
        .slice(1)
        .map(Number);
      expect([lang, Math.round(width!), Math.round(height!)]).toEqual([lang, 842, 595]);
      const text = poppler("pdftotext", [file, "-"]);
      expect([lang, text.includes(DEMO_TITLE)]).toEqual([lang, true]);
      if (lang === "en")
        for (const part of ["Top pain points", "Top opportunities", "Key numbers", "Customers", "Lena"])
          expect([part, text.includes(part)]).toEqual([part, true]);
      if (lang === "ru") expect(text).toContain("Главные болевые точки");
      if (lang === "fa") expect(text).toContain("اعداد کلیدی");
    }
  });

  it("fits Letter paper as one page too", async () => {
    const file = join(dir, "infographic-letter.pdf");
    writeFileSync(file, await exportFile("format=infographic&paper=Letter"));
    const info = poppler("pdfinfo", [file]);
    expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBe(1);
    expect(info).toMatch(/Page size:\s+792 x 612/);
  });

  it("exports the PNG as the page itself: landscape, no band of blank rows inside it", async () => {
    const png = PNG.sync.read(await exportFile("format=infographic-png&lang=ru"));
    // A4 landscape at twice the CSS pixel density.
    expect(Math.abs(png.width - 2246)).toBeLessThan(6);
    expect(Math.abs(png.height - 1588)).toBeLessThan(6);
    // Sections follow each other with a few millimetres between them, never a blank stripe across the page.
    expect(longestBlankRows(png, 40)).toBeLessThan(70);
  });
});
