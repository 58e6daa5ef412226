// Benchmark (PRODUCT.md §6): PDF and PNG export of a 40-step × 20-lane map in under 2 seconds. Measured end to end through
// the API (GET …/export?format=pdf): an internal share link, Chromium opening the print view, laying the map out and
// printing it. Baseline in the same run: the same Chromium printing a plain HTML table of the same 40 × 20 texts,
// so the ratio is the price of our print view over a bare page. The server keeps its export browser and a tab between
// exports, so the median is what every export but the server's first costs; the first, which starts Chromium, is
// reported beside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { LaneType } from "@opencjm/core";
import { loadConfig, startServer, HEADLESS_CHROMIUM_ARGS } from "@opencjm/server";
import { createSession, createUser, createWorkspace } from "@opencjm/server/testing";
import { benchMap, LANES, STEPS } from "./benchMap.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 2000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Lane types whose cards carry plain text, cycled to 20 lanes; one emotion lane for the curve.
const TYPES: LaneType[] = [
  "actions",
  "thoughts",
  "painPoints",
  "opportunities",
  "expectations",
  "risks",
  "frontstage",
  "backstage",
  "support",
  "text",
];

function stats(ms: number[]): { median: number; p90: number; min: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p90: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!,
    min: sorted[0]!,
  };
}

type Format = "pdf" | "png";
type Measured = { times: number[]; firstMs: number; bytes: number; body: Buffer };
/**
 * How long a newcomer takes in the export dialog between opening it and pressing Download (choosing paper, say);
 * BENCH_DIALOG_MS times another (a user who reads the dialog, or adds the second the opened menu, which also asks the
 * server to get ready, comes before it).
 */
const DIALOG_MS = Number(process.env.BENCH_DIALOG_MS ?? 2000);

/**
 * A fresh server with the bench map, and its exports timed. `dialog`: the first export is asked for as a user asks
 * for it, DIALOG_MS after the export dialog opened and told the server to get ready (POST …/export/prepare).
 */
async function measureOurs(dialog = false): Promise<Partial<Record<Format, Measured>>> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-bench-pdf-"));
  const server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
  try {
    const { db, maps } = server.services;
    const user = await createUser(db, { email: "bench@example.test", name: "Bench", password: "benchmark password" });
    const ws = await createWorkspace(db, { name: "Bench", locale: "en", ownerId: user.id });
    const session = await createSession(db, user.id, 3600_000);
    const headers = {
      cookie: `cjm_session=${session.cookie}`,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    };
    const persona = (await (
      await fetch(`${server.url}/api/workspaces/${ws.id}/personas`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "Bench persona" }),
      })
    ).json()) as { id: string };
    const map = await maps.create({
      workspaceId: ws.id,
      createdBy: user.id,
      snapshot: benchMap(persona.id, { laneTypes: TYPES, cardsPerCell: 1 }),
    });
    const exportUrl = `${server.url}/api/workspaces/${ws.id}/maps/${map.id}/export`;
    const once = async (format: Format) => {
      const url = `${exportUrl}?format=${format}&paper=A3&orientation=landscape`;
      const start = performance.now();
      const res = await fetch(url, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      if (!res.ok) throw new Error(`export answered ${res.status}: ${body.toString("utf8").slice(0, 300)}`);
      return { ms: performance.now() - start, body };
    };
    // The first export of each format starts what it needs (the browser; a tab of the PNG's pixel density); the
    // server keeps them for the next ones, as in production.
    if (dialog) {
      // What the dialog asks as it opens (its first offer: an A4 landscape PDF in the map's language); the A3 the user
      // then picks is not asked again (the server's warm view is of the same map, code and fonts).
      const prepared = await fetch(`${exportUrl}/prepare?format=pdf&paper=A4&orientation=landscape`, {
        method: "POST",
        headers,
      });
      if (prepared.status !== 204) throw new Error(`prepare answered ${prepared.status}`);
      await new Promise((resolve) => setTimeout(resolve, DIALOG_MS));
    }
    const measure = async (format: Format): Promise<Measured> => {
      const first = await once(format);
      const times: number[] = [];
      for (let i = 0; i < (dialog ? 0 : RUNS); i++) times.push((await once(format)).ms);
      return { times, firstMs: first.ms, bytes: first.body.length, body: first.body };
    };
    // After the dialog, the PDF alone: a PNG asked for next would find the tab the PDF left.
    return dialog ? { pdf: await measure("pdf") } : { pdf: await measure("pdf"), png: await measure("png") };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline's picture size, width × height in pixels (set by its first PNG). */
let baselinePixels = "";

async function measureBaseline(): Promise<Record<Format, number[]>> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
  try {
    const rows = Array.from(
      { length: LANES },
      (_, l) =>
        `<tr><th>Lane ${l + 1}</th>${Array.from({ length: STEPS }, (_, s) => `<td>Card ${s + 1}.${l}: the customer compares two offers</td>`).join("")}</tr>`,
    ).join("");
    const html = `<!doctype html><style>@page{size:A3 landscape;margin:10mm}td,th{border:1px solid #ccc;font:11px sans-serif;width:120px;vertical-align:top}</style><table>${rows}</table>`;
    const measure = async (format: Format): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const start = performance.now();
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.setContent(html);
        if (format === "pdf") await page.pdf({ preferCSSPageSize: true, printBackground: true });
        else {
          // The table drawn at twice its density, taken the fastest way Chromium offers (as the export takes its PNG).
          const box = (await page.locator("table").boundingBox())!;
          const devtools = await context.newCDPSession(page);
          const { data } = await devtools.send("Page.captureScreenshot", {
            format: "png",
            clip: { ...box, scale: 2 },
            captureBeyondViewport: true,
            optimizeForSpeed: true,
          });
          if (i === 0) {
            const picture = Buffer.from(data, "base64");
            baselinePixels = `${picture.readUInt32BE(16)} × ${picture.readUInt32BE(20)}`;
          }
        }
        await context.close();
        if (i > 0) times.push(performance.now() - start);
      }
      return times;
    };
    return { pdf: await measure("pdf"), png: await measure("png") };
  } finally {
    await browser.close();
  }
}

const ours = (await measureOurs()) as Record<Format, Measured>;
const afterDialog = await measureOurs(true);
const baseline = await measureBaseline();
const rounded = (ms: number[]) => {
  const { median, p90, min } = stats(ms);
  return { median: Math.round(median), p90: Math.round(p90), min: Math.round(min) };
};
const figures = (format: Format) => {
  const [o, b] = [rounded(ours[format].times), rounded(baseline[format])];
  return {
    bytes: ours[format].bytes,
    oursMs: o,
    /** The server's first export of this format, which also starts what it needs (Chromium, a tab). */
    firstExportMs: Math.round(ours[format].firstMs),
    /** The same first export asked for DIALOG_MS after the export dialog opened (and got the server ready). */
    firstExportAfterDialogMs: afterDialog[format] && Math.round(afterDialog[format].firstMs),
    baselineMs: b,
    ratio: Math.round((o.median / b.median) * 100) / 100,
    targetMs: TARGET_MS,
    meetsTarget: o.median < TARGET_MS,
  };
};
const pdf = figures("pdf");
const png = figures("png");
const result = {
  benchmark: "pdfExport",
  map: `${STEPS} steps × ${LANES} lanes, ${STEPS * (LANES - 1)} cards`,
  paper: "A3 landscape",
  runs: RUNS,
  pages: (ours.pdf.body.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length,
  ...pdf,
  png: {
    ...png,
    pixels: `${ours.png.body.readUInt32BE(16)} × ${ours.png.body.readUInt32BE(20)}`,
    baselinePixels,
  },
  // Other work on the machine slows Chromium most of all; the load says how busy the cores were.
  machine: { cores: availableParallelism(), loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
  measuredAt: new Date().toISOString(),
};
const line = (name: string, f: typeof pdf) =>
  `${name}: median ${f.oursMs.median} ms, p90 ${f.oursMs.p90} ms, the server's first ${f.firstExportMs} ms${f.firstExportAfterDialogMs === undefined ? "" : `, or ${f.firstExportAfterDialogMs} ms when asked for ${DIALOG_MS / 1000} s after the dialog opened`} (target < ${TARGET_MS} ms: ${f.meetsTarget ? "met" : "NOT met"}); baseline median ${f.baselineMs.median} ms — ratio ${f.ratio}×`;
console.log(`Export of a ${result.map} (${result.machine.cores} cores, load ${result.machine.loadAverage1m})`);
console.log(line(`PDF, ${result.pages} A3 pages, ${Math.round(pdf.bytes / 1024)} KiB`, pdf));
console.log(
  line(
    `PNG of the whole map, ${result.png.pixels} px (baseline's ${baselinePixels}), ${Math.round(png.bytes / 1024)} KiB`,
    png,
  ),
);
console.log(
  "baselines: the same Chromium printing, and taking a picture (at twice its density) of, a plain 40 × 20 table of the same texts",
);
mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
writeFileSync(new URL("../results/pdfExport.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
