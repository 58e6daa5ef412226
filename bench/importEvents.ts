// Benchmark (PRODUCT.md §6): CSV import of 10 million events, including identity stitching and building the sorted
// journey store, in under 10 s. Baseline in the same run, on the same file: DuckDB alone reading the CSV into a table
// (`CREATE TABLE … AS SELECT * FROM read_csv(…)`, with its own type detection), so the ratio is the price of
// everything the importer adds (checks, normalising, stitching, the all-or-nothing commit, the journey store).
// BENCH_IMPORT_EVENTS lists the sizes (default "10000000"; add 100000000 for the large run: ~10 GB of CSV).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { importEvents, openEventDatabase } from "@opencjm/analytics";
import { generateJourneyEvents, JOURNEY_MAPPINGS } from "./generateJourneyEvents.js";

const SIZES = (process.env.BENCH_IMPORT_EVENTS ?? "10000000").split(",").map(Number);
// The generator writes about this many events per customer (web sessions, CRM, tickets, surveys).
const EVENTS_PER_CUSTOMER = 6.8;
const WORK = process.env.BENCH_DIR ?? join(tmpdir(), "cjm-bench-import");

const seconds = (start: number) => (performance.now() - start) / 1000;
// Process CPU time (every thread: DuckDB's workers and Node's), the figure that stays comparable on a busy machine.
const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

async function baseline(file: string, dir: string): Promise<{ seconds: number; cpu: number }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const instance = await DuckDBInstance.create(join(dir, "baseline.duckdb"));
  const connection = await instance.connect();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await connection.run(`CREATE TABLE events AS SELECT * FROM read_csv('${file}')`);
  await connection.run("CHECKPOINT");
  const elapsed = { seconds: seconds(start), cpu: cpuSeconds(cpuStart) };
  connection.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

async function run(target: number): Promise<void> {
  const dataDir = join(WORK, `events-${target}`);
  const file = join(dataDir, "events.csv");
  let generatedIn: number | undefined;
  let events: number;
  const truthFile = join(dataDir, "truth.json");
  if (existsSync(truthFile) && existsSync(file)) {
    events = (JSON.parse(readFileSync(truthFile, "utf8")) as { events: number }).events;
  } else {
    const start = performance.now();
    const truth = await generateJourneyEvents({
      customers: Math.round(target / EVENTS_PER_CUSTOMER),
      outDir: dataDir,
      layout: "combined",
      seed: 1,
    });
    generatedIn = seconds(start);
    events = truth.events;
    writeFileSync(truthFile, JSON.stringify({ events, expectedCustomers: truth.expectedCustomers }));
  }
  const size = statSync(file).size;
  console.log(
    `${events.toLocaleString("en-US")} events, ${gb(size)} of CSV${generatedIn ? ` (generated in ${generatedIn.toFixed(1)} s)` : ""}`,
  );

  const base = await baseline(file, join(dataDir, "baseline"));
  console.log(`baseline  DuckDB read_csv into a table: ${base.seconds.toFixed(2)} s (CPU ${base.cpu.toFixed(2)} s)`);

  const storeDir = join(dataDir, "store");
  rmSync(storeDir, { recursive: true, force: true });
  const db = await openEventDatabase(storeDir, "ws_bench");
  const loadBefore = loadavg()[0]!;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await importEvents(db, {
    path: file,
    source: { name: "events", kind: "other" },
    mapping: JOURNEY_MAPPINGS.events,
  });
  const ours = seconds(start);
  const oursCpu = cpuSeconds(cpuStart);
  const load = (loadBefore + loadavg()[0]!) / 2;
  db.close();
  rmSync(storeDir, { recursive: true, force: true });
  const phases = Object.entries(result.seconds)
    .map(([phase, s]) => `${phase} ${s!.toFixed(2)}`)
    .join(", ");
  console.log(
    `importEvents (checks, stitching, commit, journey store): ${ours.toFixed(2)} s (CPU ${oursCpu.toFixed(2)} s)  [${phases}]`,
  );
  console.log(
    `ratio to baseline: ${(ours / base.seconds).toFixed(2)}× wall, ${(oursCpu / base.cpu).toFixed(2)}× CPU (load average ${load.toFixed(1)} on ${availableParallelism()} cores)  · target < 10 s for 10M events: ${target <= 10_000_000 ? (ours < 10 ? "met" : "NOT met") : "n/a"}`,
  );
  console.log(
    `stored ${result.eventsStored.toLocaleString("en-US")} events of ${result.customers.toLocaleString("en-US")} customers (${result.merges.toLocaleString("en-US")} merges)${result.storeError ? `; store error: ${result.storeError}` : ""}`,
  );
  mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`../results/importEvents-${target}.json`, import.meta.url),
    `${JSON.stringify({ events, bytes: size, baselineSeconds: base.seconds, baselineCpuSeconds: base.cpu, importSeconds: ours, importCpuSeconds: oursCpu, ratio: ours / base.seconds, cpuRatio: oursCpu / base.cpu, loadAverage: load, cores: availableParallelism(), phases: result.seconds, customers: result.customers, merges: result.merges, measuredAt: new Date().toISOString() }, null, 2)}\n`,
  );
}

for (const size of SIZES) {
  console.log(`\n-- import of ${size.toLocaleString("en-US")} events --`);
  await run(size);
}
