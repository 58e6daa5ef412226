// Soak benchmark (issue 11, PRODUCT.md §6 reliability): BENCH_SOAK_MINUTES (default 30) of 50 editors on one map
// (a second process, each editing every 0.5–1.5 s) while event imports and PDF exports run through the API, against
// one real server. Every 10 s it records the server's memory, its event-loop delay and how long /api/health takes.
// Baseline from the same run: the same server, same data, idle for BENCH_SOAK_IDLE_SECONDS (default 60). The run is
// bounded in time and only talks to 127.0.0.1.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { buildMapFromTemplate } from "@opencjm/core";
import { loadConfig, startServer } from "@opencjm/server";
import { createSession, createUser, createWorkspace } from "@opencjm/server/testing";

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const IDLE_SECONDS = Number(process.env.BENCH_SOAK_IDLE_SECONDS ?? 60);
const EDITORS = Number(process.env.BENCH_SOAK_EDITORS ?? 50);
const IMPORT_EVERY_S = 30;
const EXPORT_EVERY_S = 20;
const IMPORT_ROWS = 20_000;

interface Sample {
  atS: number;
  rssMb: number;
  heapMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  healthMs: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
};
const round = (n: number) => +n.toFixed(1);

const dir = mkdtempSync(join(tmpdir(), "cjm-soak-"));
const server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
const { db, maps } = server.services;
const user = await createUser(db, { email: "soak@example.test", name: "Soak", password: "soak benchmark password" });
const ws = await createWorkspace(db, { name: "Soak", locale: "en", ownerId: user.id });
const map = await maps.create({
  workspaceId: ws.id,
  createdBy: user.id,
  snapshot: buildMapFromTemplate("awareness-to-advocacy", { locale: "en" }),
});
const session = await createSession(db, user.id, 24 * 3600_000);
const headers = {
  cookie: `cjm_session=${session.cookie}`,
  "x-csrf-token": session.csrfToken,
  "content-type": "application/json",
};
const api = `${server.url}/api/workspaces/${ws.id}`;

/** Runs `during` for `seconds`, sampling memory, event-loop delay and health latency every 10 s. */
async function watch<T>(label: string, seconds: number, during: (deadline: number) => Promise<T>) {
  const samples: Sample[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const sampler = (async () => {
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10_000));
      const t0 = performance.now();
      const ok = (await fetch(`${server.url}/api/health`)).ok;
      const healthMs = performance.now() - t0;
      const memory = process.memoryUsage();
      samples.push({
        atS: round((performance.now() - started) / 1000),
        rssMb: round(memory.rss / 2 ** 20),
        heapMb: round(memory.heapUsed / 2 ** 20),
        loopP99Ms: round(loop.percentile(99) / 1e6),
        loopMaxMs: round(loop.max / 1e6),
        healthMs: ok ? round(healthMs) : -1,
      });
      loop.reset();
      if (process.env.BENCH_VERBOSE) console.log(label, JSON.stringify(samples.at(-1)));
    }
  })();
  const result = await during(deadline);
  await sampler;
  loop.disable();
  const summary = {
    label,
    seconds,
    samples: samples.length,
    rssMbFirst: samples[0]?.rssMb,
    rssMbLast: samples.at(-1)?.rssMb,
    rssMbMax: Math.max(...samples.map((s) => s.rssMb)),
    heapMbLast: samples.at(-1)?.heapMb,
    loopP99MsMedian: round(
      percentile(
        samples.map((s) => s.loopP99Ms),
        50,
      ),
    ),
    loopMaxMs: Math.max(...samples.map((s) => s.loopMaxMs)),
    healthMsP95: round(
      percentile(
        samples.map((s) => s.healthMs),
        95,
      ),
    ),
    healthFailures: samples.filter((s) => s.healthMs < 0).length,
  };
  return { summary, samples, result };
}

function eventsCsv(round: number): string {
  const lines = ["customer_id,timestamp,event,channel"];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(
      `c${round}-${i % 2000},2024-03-${day}T${String(i % 24).padStart(2, "0")}:00:00Z,${["view", "cart", "buy"][i % 3]},web`,
    );
  }
  return lines.join("\n");
}

async function importsAndExports(deadline: number) {
  const source = (await (
    await fetch(`${api}/sources`, { method: "POST", headers, body: JSON.stringify({ name: "Soak web", kind: "web" }) })
  ).json()) as { sourceId: string };
  const mapping = encodeURIComponent(
    JSON.stringify({
      columns: {
        customer_id: { role: "identifier", kind: "customerId" },
        timestamp: { role: "timestamp" },
        event: { role: "event" },
        channel: { role: "channel" },
      },
    }),
  );
  const counts = {
    imports: 0,
    importFailures: 0,
    exports: 0,
    exportRefusals: 0,
    exportFailures: 0,
    importMs: [] as number[],
    exportMs: [] as number[],
    failures: [] as string[],
  };
  // The first few failures with their status and message, so a result file says why, not only how many.
  const noteFailure = async (what: string, res: Response) => {
    if (counts.failures.length < 5) counts.failures.push(`${what} ${res.status}: ${(await res.text()).slice(0, 300)}`);
  };
  const importer = (async () => {
    for (let i = 0; performance.now() < deadline - IMPORT_EVERY_S * 1000; i++) {
      const t0 = performance.now();
      const res = await fetch(
        `${api}/sources/${source.sourceId}/imports?fileName=soak-${i}.csv&wait=true&mapping=${mapping}`,
        { method: "POST", headers: { ...headers, "content-type": "application/octet-stream" }, body: eventsCsv(i) },
      );
      if (!res.ok) await noteFailure("import", res);
      else await res.arrayBuffer();
      if (res.ok) {
        counts.imports++;
        counts.importMs.push(performance.now() - t0);
      } else counts.importFailures++;
      await new Promise((r) => setTimeout(r, IMPORT_EVERY_S * 1000));
    }
  })();
  const exporter = (async () => {
    while (performance.now() < deadline - EXPORT_EVERY_S * 1000) {
      const t0 = performance.now();
      const res = await fetch(`${api}/maps/${map.id}/export?format=pdf`, { headers });
      if (!res.ok) await noteFailure("export", res);
      else await res.arrayBuffer();
      if (res.ok) {
        counts.exports++;
        counts.exportMs.push(performance.now() - t0);
      } else if (res.status === 429 || res.status === 503) counts.exportRefusals++;
      else counts.exportFailures++;
      await new Promise((r) => setTimeout(r, EXPORT_EVERY_S * 1000));
    }
  })();
  await Promise.all([importer, exporter]);
  return {
    ...counts,
    importMsMedian: round(percentile(counts.importMs, 50)),
    exportMsMedian: round(percentile(counts.exportMs, 50)),
    importMs: undefined,
    exportMs: undefined,
  };
}

const idle = await watch(
  "idle",
  IDLE_SECONDS,
  (deadline) => new Promise((r) => setTimeout(r, deadline - performance.now())),
);
const loaded = await watch("load", MINUTES * 60, async (deadline) => {
  const editorsScript = new URL("./soakEditors.js", import.meta.url).pathname;
  const seconds = Math.max(1, Math.floor((deadline - performance.now()) / 1000) - 5);
  const editing = promisify(execFile)(
    process.execPath,
    [editorsScript, server.url, map.id, session.cookie, String(seconds)],
    { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, BENCH_SOAK_EDITORS: String(EDITORS) } },
  );
  const [editors, data] = await Promise.all([editing, importsAndExports(deadline)]);
  const edited = JSON.parse(editors.stdout) as {
    edits: number;
    reconnects: number;
    ackMsP50: number;
    ackMsP95: number;
    ackMsP99: number;
    ackMsMax: number;
  };
  return {
    edits: edited.edits,
    reconnects: edited.reconnects,
    ackMsP50: round(edited.ackMsP50),
    ackMsP95: round(edited.ackMsP95),
    ackMsP99: round(edited.ackMsP99),
    ackMsMax: round(edited.ackMsMax),
    ...data,
  };
});

const stored = await maps.readSnapshot(map.id);
const result = {
  benchmark: "soak: editors, imports and exports at once",
  date: new Date().toISOString(),
  cores: cpus().length,
  loadAverageAtEnd: loadavg().map(round),
  editors: EDITORS,
  minutes: MINUTES,
  baseline: idle.summary,
  opencjm: { ...loaded.summary, ...loaded.result, cardsAtEnd: stored.cells.reduce((n, c) => n + c.cards.length, 0) },
  samples: loaded.samples,
};
console.table([idle.summary, loaded.summary]);
console.log(JSON.stringify(result.opencjm, null, 2));
console.log(`cores ${result.cores}, load average ${result.loadAverageAtEnd.join(" ")}`);
mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
writeFileSync(new URL("../results/soak.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
await server.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
