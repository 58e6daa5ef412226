// Benchmark (PRODUCT.md §6, issue 19): 100 simultaneous editors on one map see each other's edits within 10 ms (p95),
// with every acknowledged edit already durable. Baseline in the same run: the same load on a bare Hocuspocus server
// (same version) that keeps documents in memory only, so the ratio is the price of durable-before-acknowledge
// persistence. The editors are spread over worker processes (bench/collabEditorsWorker.ts): thin protocol clients plus
// a few full providers, each making one edit per second; edit-to-arrival is timed at every other editor. The two
// servers take turns (bare, OpenCJM, bare, OpenCJM …) so a change in the machine's load falls on both, and each
// round's OpenCJM figure is set against the bare one just before it. Beside the latencies, the servers' CPU time per
// edit: on a shared machine it varies much less than wall-clock figures.
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { buildMapFromTemplate, snapshotToDoc } from "@opencjm/core";
import { loadConfig, startServer } from "@opencjm/server";
import {
  createSession,
  createTestDatabase,
  createUser,
  createMapDocumentService,
  createWorkspace,
  startServerProcess,
  startTestRedis,
} from "@opencjm/server/testing";
import type { WorkerPlan, WorkerReport } from "./collabEditorsWorker.js";

const EDITORS = Number(process.env.BENCH_EDITORS ?? 100);
/** Full providers among the editors; the rest are thin protocol clients. */
const FULL_CLIENTS = Number(process.env.BENCH_FULL_CLIENTS ?? 4);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
/** Seconds of editing at one edit per second per editor (so also the edits each editor makes). */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const INTERVAL_MS = 1000;
/** Rounds of bare Hocuspocus then OpenCJM on SQLite. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** "sqlite" measures OpenCJM on SQLite alone (to profile it), without the baseline or PostgreSQL. */
const ONLY = process.env.BENCH_ONLY;

type Measured = { thin: number[]; full: number[]; missing: number; seconds: number; edits: number; cpuMs: number };

/** Deals the editors over worker processes, starts them together and gathers their edit-to-arrival latencies. */
async function measure(target: Target, seconds = SECONDS): Promise<Measured> {
  const script = new URL("./collabEditorsWorker.js", import.meta.url).pathname;
  const workers = Array.from({ length: WORKERS }, () =>
    fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
  const share = (n: number, w: number) => Math.floor(n / WORKERS) + (w < n % WORKERS ? 1 : 0);
  let firstEditor = 0;
  const ready = workers.map((worker, w) => {
    const full = share(FULL_CLIENTS, w);
    const plan: WorkerPlan = {
      urls: target.url.split(","),
      mapId: target.mapId,
      token: target.token,
      firstEditor,
      thin: share(EDITORS, w) - full,
      full,
      totalEditors: EDITORS,
      edits: seconds,
      intervalMs: INTERVAL_MS,
    };
    firstEditor += share(EDITORS, w);
    worker.send(plan);
    return new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("exit", (code) => reject(new Error(`an editors' worker exited (${code}) before it was ready`)));
    });
  });
  try {
    await Promise.race([
      Promise.all(ready),
      new Promise((_, reject) => setTimeout(() => reject(new Error("the editors did not all join in 120 s")), 120_000)),
    ]);
  } catch (err) {
    for (const worker of workers) worker.kill();
    throw err;
  }
  const reports = workers.map(
    (worker) => new Promise<WorkerReport>((resolve) => worker.once("message", (r) => resolve(r as WorkerReport))),
  );
  // Start 200 ms from now on the monotonic clock all processes share.
  const startAtNs = process.hrtime.bigint() + 200_000_000n;
  for (const worker of workers) worker.send({ startAtNs: String(startAtNs) });
  const cpuBefore = target.cpuMs();
  const all = await Promise.all(reports);
  return {
    thin: all.flatMap((r) => r.thinLatencies),
    full: all.flatMap((r) => r.fullLatencies),
    missing: all.reduce((sum, r) => sum + r.missing, 0),
    seconds: Number(process.hrtime.bigint() - startAtNs) / 1e9,
    edits: EDITORS * seconds,
    cpuMs: target.cpuMs() - cpuBefore,
  };
}

interface Target {
  url: string;
  mapId: string;
  token: string;
  /** CPU time (user and system) the server has used so far, in ms. */
  cpuMs(): number;
  close(): Promise<void>;
}

/** CPU time of this process (the in-process servers), all threads, in ms. */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU time of a child process in ms, from /proc (Linux); NaN where that cannot be read. */
function childCpuMs(pid: number | undefined): number {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function openCjmTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-bench-"));
  const server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
  const { db, maps } = server.services;
  const user = await createUser(db, { email: "bench@example.test", name: "Bench", password: "benchmark password" });
  const ws = await createWorkspace(db, { name: "Bench", locale: "en", ownerId: user.id });
  const map = await maps.create({
    workspaceId: ws.id,
    createdBy: user.id,
    snapshot: buildMapFromTemplate("awareness-to-advocacy", { locale: "en" }),
  });
  const session = await createSession(db, user.id, 3600_000);
  return {
    url: server.url,
    mapId: map.id,
    token: session.cookie,
    cpuMs: ownCpuMs,
    close: async () => (await server.close(), rmSync(dir, { recursive: true, force: true })),
  };
}

async function openBaselineTarget(): Promise<Target> {
  const initial = Y.encodeStateAsUpdate(snapshotToDoc(buildMapFromTemplate("awareness-to-advocacy", { locale: "en" })));
  const hocuspocus = new Hocuspocus({
    quiet: true,
    onLoadDocument: async ({ document }) => void Y.applyUpdate(document, initial),
  });
  const wss = new WebSocketServer({ noServer: true });
  const http: Server = createServer();
  http.on("upgrade", (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req)),
  );
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    mapId: "baseline",
    token: "none",
    cpuMs: ownCpuMs,
    close: async () => (
      hocuspocus.closeConnections(),
      wss.close(),
      await new Promise<void>((r) => http.close(() => r()))
    ),
  };
}

/**
 * The same editors on PostgreSQL: one instance, then two instances sharing PostgreSQL and Redis with the editors dealt
 * over both (so about half of the edits cross instances). Undefined, with the reason printed, when PostgreSQL
 * (TEST_DATABASE_URL, which `npm run bench` sets up as `npm test` does) or Debian's redis-server is missing.
 */
async function measureInstances(): Promise<{ one: Measured; two: Measured } | undefined> {
  if (!process.env.TEST_DATABASE_URL) {
    console.log("two instances: skipped (no PostgreSQL; set TEST_DATABASE_URL)");
    return undefined;
  }
  const redis = await startTestRedis().catch(
    (err: Error) => (console.log(`two instances: skipped (${err.message})`), undefined),
  );
  if (!redis) return undefined;
  const t = await createTestDatabase("postgres");
  try {
    const user = await createUser(t.db, { email: "bench@example.test", name: "Bench", password: "benchmark password" });
    const ws = await createWorkspace(t.db, { name: "Bench", locale: "en", ownerId: user.id });
    const session = await createSession(t.db, user.id, 3600_000);
    const env = { DATABASE_URL: t.config.databaseUrl };
    const dataDir = () => mkdtempSync(join(tmpdir(), "cjm-bench-instance-"));
    const newMap = async () => {
      const maps = createMapDocumentService({ db: t.db, config: loadConfig({}, { dataDir: t.config.dataDir }) });
      return maps.create({
        workspaceId: ws.id,
        createdBy: user.id,
        snapshot: buildMapFromTemplate("awareness-to-advocacy", { locale: "en" }),
      });
    };
    const single = await startServerProcess([], { ...env, DATA_DIR: dataDir() });
    const one = await measure({
      url: single.url,
      mapId: (await newMap()).id,
      token: session.cookie,
      cpuMs: () => childCpuMs(single.child.pid),
      close: async () => {},
    });
    await single.stop();
    const shared = { ...env, REDIS_URL: redis.url };
    const pair = await Promise.all([0, 1].map(() => startServerProcess([], { ...shared, DATA_DIR: dataDir() })));
    const url = pair.map((p) => p.url).join(",");
    const two = await measure({
      url,
      mapId: (await newMap()).id,
      token: session.cookie,
      cpuMs: () => pair.reduce((sum, p) => sum + childCpuMs(p.child.pid), 0),
      close: async () => {},
    });
    await Promise.all(pair.map((p) => p.stop()));
    return { one, two };
  } finally {
    await t.dispose();
    await redis.stop();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarise(name: string, r: Measured) {
  const sorted = [...r.thin, ...r.full].sort((a, b) => a - b);
  const full = [...r.full].sort((a, b) => a - b);
  return {
    name,
    observations: sorted.length,
    missing: r.missing,
    p50Ms: +percentile(sorted, 50).toFixed(2),
    p95Ms: +percentile(sorted, 95).toFixed(2),
    p99Ms: +percentile(sorted, 99).toFixed(2),
    maxMs: +sorted.at(-1)!.toFixed(2),
    // Arrivals at the full providers alone (they also decode and apply every update).
    fullClientsP95Ms: full.length > 0 ? +percentile(full, 95).toFixed(2) : null,
    seconds: +r.seconds.toFixed(2),
    // The server's CPU time (every thread) over the edits made, relaying each to the 99 other editors included.
    serverCpuMsPerEdit: +(r.cpuMs / r.edits).toFixed(3),
  };
}

/** Several measurements of one server as one (their latencies pooled). */
function pool(all: Measured[]): Measured {
  return {
    thin: all.flatMap((m) => m.thin),
    full: all.flatMap((m) => m.full),
    missing: all.reduce((sum, m) => sum + m.missing, 0),
    seconds: all.reduce((sum, m) => sum + m.seconds, 0),
    edits: all.reduce((sum, m) => sum + m.edits, 0),
    cpuMs: all.reduce((sum, m) => sum + m.cpuMs, 0),
  };
}

const load1m = () => +loadavg()[0]!.toFixed(2);

// Warm up the JIT on both paths first so neither measurement pays for it.
for (const open of ONLY === "sqlite" ? [openCjmTarget] : [openBaselineTarget, openCjmTarget]) {
  const warm = await open();
  await measure(warm, 3);
  await warm.close();
}
const loadBefore = load1m();
const bareRounds: Measured[] = [];
const cjmRounds: Measured[] = [];
const rounds = [];
for (let round = 0; round < ROUNDS; round++) {
  let bareRound: Measured | undefined;
  if (ONLY !== "sqlite") {
    const baselineTarget = await openBaselineTarget();
    bareRound = await measure(baselineTarget);
    bareRounds.push(bareRound);
    await baselineTarget.close();
  }
  const cjmTarget = await openCjmTarget();
  const cjmRound = await measure(cjmTarget);
  cjmRounds.push(cjmRound);
  await cjmTarget.close();
  const bare = bareRound && summarise(`round ${round + 1}: bare Hocuspocus`, bareRound);
  const cjm = summarise(`round ${round + 1}: OpenCJM (SQLite)`, cjmRound);
  rounds.push({ bare, opencjm: cjm, p95Ratio: bare && +(cjm.p95Ms / bare.p95Ms).toFixed(2), loadAverage1m: load1m() });
}
const baseline = bareRounds.length > 0 ? summarise("bare Hocuspocus, memory only", pool(bareRounds)) : undefined;
const cjm = summarise("OpenCJM, durable before acknowledge (SQLite)", pool(cjmRounds));

const instances = ONLY === "sqlite" ? undefined : await measureInstances();
const onePostgres = instances && summarise("OpenCJM, one instance (PostgreSQL)", instances.one);
const twoInstances = instances && summarise("OpenCJM, two instances (PostgreSQL + Redis)", instances.two);

const roundRatios = rounds.flatMap((r) => (r.p95Ratio === undefined ? [] : [r.p95Ratio])).sort((a, b) => a - b);
const result = {
  benchmark: "collaboration latency",
  date: new Date().toISOString(),
  cores: availableParallelism(),
  loadAverage1mBefore: loadBefore,
  loadAverage1m: load1m(),
  editors: EDITORS,
  fullClients: FULL_CLIENTS,
  workerProcesses: WORKERS,
  editsPerEditor: SECONDS,
  editIntervalMs: INTERVAL_MS,
  rounds: ROUNDS,
  target: "p95 under 10 ms on a quiet machine and within 1.25x of bare Hocuspocus (PRODUCT.md §6, issue 19)",
  // Every round's latencies pooled, per server.
  baseline,
  opencjm: cjm,
  p95Ratio: baseline && +(cjm.p95Ms / baseline.p95Ms).toFixed(2),
  // Each round's OpenCJM p95 against the bare server's just before it, and the median of those ratios.
  medianRoundP95Ratio: roundRatios.length > 0 ? roundRatios[Math.floor((roundRatios.length - 1) / 2)] : undefined,
  perRound: rounds,
  // Editors dealt over two instances against all of them on one, both on PostgreSQL, in this run.
  onePostgresInstance: onePostgres,
  twoInstances,
  twoInstancesP95Ratio: onePostgres && twoInstances && +(twoInstances.p95Ms / onePostgres.p95Ms).toFixed(2),
};
console.table([
  ...rounds.flatMap((r) => (r.bare ? [r.bare, r.opencjm] : [r.opencjm])),
  ...(baseline ? [baseline] : []),
  cjm,
  ...(onePostgres && twoInstances ? [onePostgres, twoInstances] : []),
]);
console.log(
  `p95 ratio (OpenCJM / baseline): ${result.p95Ratio} pooled, per round ${rounds.map((r) => r.p95Ratio).join(", ")}; load average ${loadBefore} before, ${rounds.map((r) => r.loadAverage1m).join(", ")} after each round, ${result.loadAverage1m} at the end, on ${result.cores} cores`,
);
if (result.twoInstancesP95Ratio !== undefined)
  console.log(`p95 ratio (two instances / one instance, PostgreSQL): ${result.twoInstancesP95Ratio}`);
if (ONLY === "sqlite") process.exit(0);
mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL(`../results/collabLatency-${EDITORS}-editors.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
process.exit(0);
