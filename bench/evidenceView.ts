// Benchmark (issue 6): the map's data view over 10 million events — time from opening the map in Chromium to the
// customer data shown on it (every visible step's numbers in the data lane). Baselines in the same run, browser and
// data: the editor alone (time until its grid is on screen, the same loads), and the metrics API call alone (the
// server computing every metric of the map, measured from Node without a browser). A real server over a real
// workspace: 10⁷ synthetic events of 10⁶ customers, 40 touchpoints linked by rules, a 40-step map with data lane.
// Size: BENCH_EVIDENCE_EVENTS (default 10000000, 10 events per customer); loads: BENCH_LOADS (default 7).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { rebuildJourneyStore } from "@opencjm/analytics";
import { generateSyntheticEvents } from "@opencjm/analytics/testing";
import {
  applyMapOperations,
  createMapDocument,
  docToSnapshot,
  MapSettingsSchema,
  type MapOperation,
} from "@opencjm/core";
import { loadConfig, startServer, HEADLESS_CHROMIUM_ARGS } from "@opencjm/server";
import { createSession, createUser, createWorkspace } from "@opencjm/server/testing";

const EVENTS = Number(process.env.BENCH_EVIDENCE_EVENTS ?? 10_000_000);
const CUSTOMERS = EVENTS / 10;
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const STEPS = 40;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const EVENT_NAMES = Array.from({ length: 48 }, (_, i) => `event_${String(i).padStart(2, "0")}`);

const seconds = (ms: number) => +(ms / 1000).toFixed(3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Records, in the page, when the grid and when the data first appear (ms since navigation start).
const PROBE = `
  window.__marks = {};
  const seen = () => {
    if (!window.__marks.grid && document.querySelector('[data-testid=map-grid] [data-testid=cell]')) window.__marks.grid = performance.now();
    if (!window.__marks.data && document.querySelector('[data-testid=step-evidence]')) window.__marks.data = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
`;

const dir = mkdtempSync(join(tmpdir(), "cjm-bench-evidence-"));
const server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
try {
  const { services } = server;
  const user = await createUser(services.db, {
    email: "bench@example.test",
    name: "Bench",
    password: "bench password long",
  });
  const workspace = await createWorkspace(services.db, { name: "Evidence bench", locale: "en", ownerId: user.id });
  const session = await createSession(services.db, user.id, 3600_000);
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api/workspaces/${workspace.id}${path}`, {
      method,
      headers: {
        cookie: `cjm_session=${session.cookie}`,
        "x-csrf-token": session.csrfToken,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  console.log(`${EVENTS.toLocaleString("en")} events, ${CUSTOMERS.toLocaleString("en")} customers`);
  const db = await services.analytics.open(workspace.id);
  let t = performance.now();
  await generateSyntheticEvents(db, {
    customers: CUSTOMERS,
    events: EVENTS,
    eventNames: EVENT_NAMES,
    scorePercent: 5,
    textPercent: 2,
    seed: 42,
  });
  await rebuildJourneyStore(db);
  console.log(`  data generated and journey store built in ${seconds(performance.now() - t)} s`);

  // 40 touchpoints, each linked to one event name by a rule; a 40-step map (8 stages × 5) with a data lane.
  const touchpoints: string[] = [];
  for (let n = 0; n < STEPS; n++) {
    const tp = await api<{ id: string }>("POST", "/touchpoints", {
      name: `Touchpoint ${n + 1}`,
      channelId: "website",
      medium: "digital",
    });
    touchpoints.push(tp.id);
    await api("POST", "/touchpoint-rules", { touchpointId: tp.id, eventNames: [EVENT_NAMES[n]] });
  }
  const doc = createMapDocument(
    MapSettingsSchema.parse({ title: "Evidence bench: 40 steps over 10M events", type: "currentState" }),
  );
  const ops: MapOperation[] = [
    { op: "addLane", id: "lane_tp", type: "touchpoints", name: "Touchpoints" },
    { op: "addLane", id: "lane_data", type: "data", name: "Data" },
    { op: "addLane", id: "lane_emotion", type: "emotion", name: "Emotion" },
    { op: "addLane", id: "lane_quotes", type: "quotes", name: "Quotes" },
    { op: "addLane", id: "lane_actions", type: "actions", name: "Actions" },
  ] as MapOperation[];
  for (let g = 0; g < 8; g++) {
    ops.push({ op: "addStage", id: `stage_${g}`, name: `Stage ${g + 1}` } as MapOperation);
    for (let i = 0; i < 5; i++) {
      const n = g * 5 + i;
      ops.push({
        op: "addStep",
        id: `step_${n}`,
        stageId: `stage_${g}`,
        name: `Step ${n + 1}`,
        parallel: i === 4,
      } as MapOperation);
      ops.push({
        op: "addCard",
        laneId: "lane_tp",
        stepId: `step_${n}`,
        card: { kind: "touchpoint", touchpointId: touchpoints[n] },
      } as MapOperation);
      ops.push({
        op: "addCard",
        laneId: "lane_actions",
        stepId: `step_${n}`,
        card: { kind: "action", text: `Does thing ${n + 1}` },
      } as MapOperation);
    }
  }
  applyMapOperations(doc, ops);
  const map = await api<{ map: { id: string } }>("POST", "/maps", { snapshot: docToSnapshot(doc) });
  const mapUrl = `${server.url}/w/${workspace.id}/maps/${map.map.id}`;

  // Baseline 1: the metrics API alone (the first call loads the journey store into memory; timed ones are warm).
  t = performance.now();
  await api("POST", `/maps/${map.map.id}/metrics`, {});
  const apiColdMs = performance.now() - t;
  const apiRuns: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    t = performance.now();
    await api("POST", `/maps/${map.map.id}/metrics`, {});
    apiRuns.push(performance.now() - t);
  }
  console.log(
    `  metrics API alone: ${seconds(median(apiRuns))} s (median of ${LOADS}; first call ${seconds(apiColdMs)} s)`,
  );

  // The map in Chromium: grid on screen (baseline 2) and data shown, in the same loads.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
  const phases: Array<{ requestSent: number; answerIn: number; shown: number }> = [];
  const grids: number[] = [];
  const datas: number[] = [];
  const loadBefore = loadavg()[0]!;
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: "cjm_session", value: session.cookie, url: server.url }]);
      const page = await context.newPage();
      await page.addInitScript({ content: PROBE });
      await page.goto(mapUrl);
      // A function, not a string: the app's Content-Security-Policy refuses string evaluation in the page.
      await page.waitForFunction(
        () => Boolean((globalThis as unknown as { __marks?: { data?: number } }).__marks?.data),
        undefined,
        { timeout: 120_000 },
      );
      const marks = await page.evaluate<{ grid: number; data: number }>("window.__marks");
      // Where the time went: when the metrics request left and when its answer was in (resource timing).
      const request = await page.evaluate<{ start: number; end: number } | null>(
        "(() => { const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/metrics')); return e ? { start: e.startTime, end: e.responseEnd } : null; })()",
      );
      if (i > 0 && request)
        phases.push({
          requestSent: Math.round(request.start),
          answerIn: Math.round(request.end),
          shown: Math.round(marks.data),
        });
      // The first load warms the browser's cache of the app's code; it is not counted.
      if (i > 0) {
        grids.push(marks.grid);
        datas.push(marks.data);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const gridMs = median(grids);
  const dataMs = median(datas);
  console.log(`  editor alone (grid on screen): ${seconds(gridMs)} s (median of ${LOADS})`);
  console.log(
    `  map opened to data shown: ${seconds(dataMs)} s (median of ${LOADS}; loads ${datas.map((d) => seconds(d)).join(", ")}; machine load ${loadBefore.toFixed(1)})`,
  );
  console.log(
    `  data shown ${seconds(dataMs - gridMs)} s after the grid; ${(dataMs / median(apiRuns)).toFixed(1)}× the API call alone`,
  );
  console.log(
    `  phases (ms since navigation start): ${phases.map((p) => `request ${p.requestSent} → answer ${p.answerIn} → shown ${p.shown}`).join("; ")}`,
  );

  const result = {
    benchmark: "evidence view",
    date: new Date().toISOString(),
    cores: availableParallelism(),
    node: process.version,
    events: EVENTS,
    customers: CUSTOMERS,
    steps: STEPS,
    loads: LOADS,
    openToDataSeconds: seconds(dataMs),
    openToDataRunsSeconds: datas.map(seconds),
    baselineEditorGridSeconds: seconds(gridMs),
    baselineMetricsApiSeconds: seconds(median(apiRuns)),
    metricsApiFirstCallSeconds: seconds(apiColdMs),
    dataAfterGridSeconds: seconds(dataMs - gridMs),
    phasesMs: phases,
    loadAverage: +loadBefore.toFixed(2),
  };
  mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("../results/evidenceView.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
