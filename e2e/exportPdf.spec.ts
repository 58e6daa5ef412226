/// <reference lib="dom" />
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, startServer, type RunningServer } from "@opencjm/server";
import { createSession, createUser, createWorkspace } from "@opencjm/server/testing";
import { launchChromium } from "./browser.js";

/** A map per language: its title, a persona name, and the template's first two stage names in that language. */
const LANGUAGES = [
  { code: "en", title: "Alex buys a bicycle", persona: "Alex, first-time buyer" },
  { code: "zh-Hant", title: "陳小姐選購自行車", persona: "陳小姐" },
  { code: "zh-Hans", title: "王女士选购自行车", persona: "王女士" },
  { code: "ru", title: "Анна покупает велосипед", persona: "Анна" },
  { code: "fa", title: "مریم دوچرخه می‌خرد", persona: "مریم" },
] as const;

/** Runs a poppler tool on a file and returns what it printed. */
const poppler = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

// pdftotext wraps right-to-left runs in directional marks; they take no room on the page.
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Where two names stand on the line of page 1 that holds both, as character columns of pdftotext's layout (which
 * places text by its position on the page): which of them is further left.
 */
function columnsOf(file: string, a: string, b: string): [number, number] {
  const lines = poppler("pdftotext", ["-layout", "-f", "1", "-l", "1", file, "-"])
    .split("\n")
    .map((l) => l.replace(BIDI_MARKS, "").normalize("NFC"));
  const line = lines.find((l) => l.includes(a) && l.includes(b));
  if (!line) throw new Error(`no line of page 1 holds both "${a}" and "${b}"`);
  return [line.indexOf(a), line.indexOf(b)];
}

/** Share of dark pixels on each page, rendered by pdftoppm as 8-bit grey (PGM): a blank page has none. */
function inkPerPage(file: string, pages: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= pages; p++) {
    const pgm = execFileSync("pdftoppm", ["-gray", "-r", "24", "-f", String(p), "-l", String(p), file]);
    const header = pgm
      .subarray(0, 64)
      .toString("latin1")
      .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
    const pixels = pgm.subarray(header[0].length);
    let dark = 0;
    for (const v of pixels) if (v < 200) dark++;
    out.push(dark / pixels.length);
  }
  return out;
}

describe("PDF and PNG export in a real Chromium, in every language", () => {
  let server: RunningServer;
  let dir: string;
  let headers: Record<string, string>;
  let workspaceId: string;
  let browser: Browser;
  const maps = new Map<string, { id: string; stages: string[] }>();

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  async function exportFile(mapId: string, query: string): Promise<Buffer> {
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${mapId}/export?${query}`, { headers });
    expect([query, res.status]).toEqual([query, 200]);
    return Buffer.from(await res.arrayBuffer());
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-pdf-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const user = await createUser(server.services.db, {
      email: "pdf@example.test",
      name: "PDF",
      password: "pdf password long",
    });
    const session = await createSession(server.services.db, user.id, 3600_000);
    headers = {
      cookie: `cjm_session=${session.cookie}`,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    };
    workspaceId = (await createWorkspace(server.services.db, { name: "Exports", locale: "en", ownerId: user.id })).id;
    for (const lang of LANGUAGES) {
      const persona = await api<{ id: string }>("POST", `/api/workspaces/${workspaceId}/personas`, {
        name: lang.persona,
      });
      const created = await api<{
        map: { id: string };
        snapshot: { steps: Array<{ id: string }>; stages: Array<{ name: string }> };
      }>("POST", `/api/workspaces/${workspaceId}/maps`, {
        templateId: "awareness-to-advocacy",
        locale: lang.code,
        title: lang.title,
        personaIds: [persona.id],
      });
      const operations = created.snapshot.steps.map((s, i) => ({
        op: "setEmotion",
        personaId: persona.id,
        stepId: s.id,
        value: [1, 0, -1, -2, 1, 2][i % 6],
      }));
      await api("POST", `/api/workspaces/${workspaceId}/maps/${created.map.id}/operations`, { operations });
      maps.set(lang.code, { id: created.map.id, stages: created.snapshot.stages.map((s) => s.name) });
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of LANGUAGES) {
    it(`${lang.code}: A4 landscape pages with embedded fonts, extractable text, no blank page, stages in reading order`, async () => {
      const map = maps.get(lang.code)!;
      const file = join(dir, `${lang.code}.pdf`);
      writeFileSync(file, await exportFile(map.id, "format=pdf&paper=A4&orientation=landscape"));
      const info = poppler("pdfinfo", [file]);
      // The document title a PDF reader shows (and files it by) is the map's name, not the app's.
      expect(info.match(/^Title:\s+(.*)$/m)?.[1]?.normalize("NFC")).toBe(lang.title.normalize("NFC"));
      const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      const [w, h] = info
        .match(/Page size:\s+([\d.]+) x ([\d.]+)/)!
        .slice(1)
        .map(Number) as [number, number];
      expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
      const fonts = poppler("pdffonts", [file])
        .split("\n")
        .slice(2)
        .filter((l) => l.trim());
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect([line, line.split(/\s+/).at(-5)]).toEqual([line, "yes"]);
      const text = poppler("pdftotext", ["-layout", file, "-"]).normalize("NFC");
      for (const word of lang.title.split(" ").filter((x) => x.length > 1))
        expect(text).toContain(word.normalize("NFC"));
      // The emotion lane's persona label may wrap (its box leaves room for the axis faces): each word is there.
      for (const word of lang.persona.split(/\s+/)) expect(text).toContain(word.normalize("NFC"));
      for (const [i, ink] of inkPerPage(file, pages).entries())
        expect([`page ${i + 1}`, ink > 0.002]).toEqual([`page ${i + 1}`, true]);
      // Reading order: the second stage's heading stands left of the third's, except in Persian where it stands right.
      const [second, third] = columnsOf(file, map.stages[1]!, map.stages[2]!);
      if (lang.code === "fa") expect(second).toBeGreaterThan(third);
      else expect(second).toBeLessThan(third);
    });
  }

  it("fits the whole map on one page as large as the map, in portrait A3 too, and leaves no export link behind", async () => {
    const map = maps.get("en")!;
    const fit = join(dir, "fit.pdf");
    writeFileSync(fit, await exportFile(map.id, "format=pdf&paper=fit"));
    const info = poppler("pdfinfo", [fit]);
    expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBe(1);
    expect(Number(info.match(/Page size:\s+([\d.]+)/)![1])).toBeGreaterThan(842);
    const a3 = join(dir, "a3.pdf");
    writeFileSync(a3, await exportFile(map.id, "format=pdf&paper=A3&orientation=portrait"));
    const [w, h] = poppler("pdfinfo", [a3])
      .match(/Page size:\s+([\d.]+) x ([\d.]+)/)!
      .slice(1)
      .map(Number) as [number, number];
    expect([Math.round(w), Math.round(h)]).toEqual([842, 1191]);
    const left = await server.services.db.kysely
      .selectFrom("share_links")
      .select("id")
      .where("purpose", "=", "export")
      .execute();
    expect(left).toEqual([]);
  });

  it("renders a PNG of the Persian map: a real image of the whole map, with ink on it", async () => {
    const png = await exportFile(maps.get("fa")!.id, "format=png");
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(500);
    const page = await browser.newPage();
    await page.setContent(`<img id="map" src="data:image/png;base64,${png.toString("base64")}">`);
    const ink = await page.evaluate(async () => {
      const img = document.getElementById("map") as HTMLImageElement;
      await img.decode();
      const canvas = Object.assign(document.createElement("canvas"), {
        width: img.naturalWidth,
        height: img.naturalHeight,
      });
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 600) dark++;
      return dark / (data.length / 4);
    });
    // At the map's natural size (no longer shrunk onto A4 pages) lines and letters cover less of the picture: a
    // template map with few cards is about 0.3 % ink, a blank image none.
    expect(ink).toBeGreaterThan(0.001);
    await page.close();
  });
});
