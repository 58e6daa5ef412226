// Benchmark (issue 13): open the history of a map with 10,000 updates and restore a version, against loading the map
// itself. A 40-step × 20-lane map (760 cards) gets BENCH_HISTORY_UPDATES (10,000) small edits from five editors,
// appended to its log as live edits are, with a checkpoint every 100 edits (100 versions) and a named version every
// 1,000; the log is left uncompacted, the heaviest case for loading. Then, through the API of a real server, each
// BENCH_RUNS times: the baseline GET …/maps/{mapId} (the map loaded from its log, as anyone opening it), the history
// list GET …/versions, opening one version, and restoring a version (alternately an early and the latest one, so
// every restore changes the map). Results in bench/results/mapHistory.json with the machine's load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { applyMapOperations, type LaneType, type MapOperationInput, type MapSnapshot } from "@opencjm/core";
import { loadConfig, startServer } from "@opencjm/server";
import { createSession, createUser, createWorkspace } from "@opencjm/server/testing";
import { benchMap } from "./benchMap.js";

const UPDATES = Number(process.env.BENCH_HISTORY_UPDATES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHECKPOINT_EVERY = 100;
const NAME_EVERY = 1000;
const TYPES: LaneType[] = ["actions", "thoughts", "painPoints", "opportunities", "expectations", "text"];

function stats(ms: number[]): { median: number; p90: number; min: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    median: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    p90: Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!),
    min: Math.round(sorted[0]!),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-bench-history-"));
  // Checkpoints come from the benchmark, not the clock; compaction stays out of the way (10,000 updates in the log).
  const server = await startServer(
    loadConfig(
      {},
      {
        port: 0,
        host: "127.0.0.1",
        dataDir: dir,
        compactAfterUpdates: 1_000_000,
        checkpointPauseMs: 3_600_000,
        checkpointEveryMs: 3_600_000,
      },
    ),
  );
  try {
    const { db, maps } = server.services;
    const owner = await createUser(db, { email: "bench@example.test", name: "Bench", password: "benchmark password" });
    const ws = await createWorkspace(db, { name: "Bench", locale: "en", ownerId: owner.id });
    const editors = [owner.id];
    for (let i = 1; i < 5; i++)
      editors.push(
        (
          await createUser(db, {
            email: `editor${i}@example.test`,
            name: `Editor ${i}`,
            password: "benchmark password",
          })
        ).id,
      );
    const session = await createSession(db, owner.id, 3600_000);
    const headers = {
      cookie: `cjm_session=${session.cookie}`,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    };
    const snapshot: MapSnapshot = benchMap("persona_bench", { laneTypes: TYPES, cardsPerCell: 1 });
    const map = await maps.create({ workspaceId: ws.id, createdBy: owner.id, snapshot });

    // The editors' updates, made on a copy of the map as a browser makes them, and appended to the log in batches.
    const state = await db.kysely
      .selectFrom("map_states")
      .select("state")
      .where("map_id", "=", map.id)
      .executeTakeFirstOrThrow();
    const client = new Y.Doc();
    Y.applyUpdate(client, new Uint8Array(state.state));
    const cardIds = snapshot.cells.flatMap((c) => c.cards.map((k) => k.id));
    const stepIds = snapshot.steps.map((s) => s.id);
    let pending: Array<{ map_id: string; update: Buffer; author_id: string; created_at: string }> = [];
    const flush = async () => {
      if (pending.length > 0) await db.kysely.insertInto("map_updates").values(pending).execute();
      pending = [];
    };
    const started = performance.now();
    for (let i = 0; i < UPDATES; i++) {
      const op: MapOperationInput =
        i % 10 === 9
          ? { op: "updateStep", stepId: stepIds[i % stepIds.length]!, name: `Step renamed ${i}` }
          : {
              op: "updateCard",
              cardId: cardIds[(i * 7) % cardIds.length]!,
              fields: { text: `Edit ${i}: the customer compares offers` },
            };
      let update: Uint8Array | undefined;
      const capture = (u: Uint8Array) => (update = u);
      client.on("update", capture);
      applyMapOperations(client, [op]);
      client.off("update", capture);
      pending.push({
        map_id: map.id,
        update: Buffer.from(update!),
        author_id: editors[i % editors.length]!,
        created_at: new Date(Date.now() - (UPDATES - i) * 1000).toISOString(),
      });
      if (pending.length >= 200) await flush();
      if ((i + 1) % CHECKPOINT_EVERY === 0) {
        await flush();
        const named = (i + 1) % NAME_EVERY === 0;
        await maps.history.checkpoint(
          map.id,
          named ? { name: `Milestone ${(i + 1) / NAME_EVERY}`, createdBy: owner.id } : {},
        );
      }
    }
    await flush();
    console.log(
      `prepared ${UPDATES} updates and their versions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const base = `${server.url}/api/workspaces/${ws.id}/maps/${map.id}`;
    const timed = async (method: string, url: string): Promise<{ ms: number; body: unknown }> => {
      const start = performance.now();
      const res = await fetch(url, { method, headers });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
      return { ms: performance.now() - start, body: JSON.parse(text) as unknown };
    };
    const history = (await timed("GET", `${base}/versions?limit=1000`)).body as {
      sessions: Array<{ versions: Array<{ id: string; kind: string }> }>;
    };
    const versions = history.sessions.flatMap((s) => s.versions);
    const early = versions[versions.length - 2]!.id;
    const latest = versions[0]!.id;
    const load: number[] = [];
    const list: number[] = [];
    const open: number[] = [];
    const restore: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      load.push((await timed("GET", base)).ms);
      list.push((await timed("GET", `${base}/versions?limit=1000`)).ms);
      open.push((await timed("GET", `${base}/versions/${early}`)).ms);
      restore.push((await timed("POST", `${base}/versions/${run % 2 === 0 ? early : latest}/restore`)).ms);
    }
    const result = {
      benchmark: "mapHistory",
      map: `40 steps × 20 lanes, ${cardIds.length} cards`,
      updates: UPDATES,
      versions: versions.length,
      runs: RUNS,
      loadMapMs: stats(load),
      historyListMs: stats(list),
      openVersionMs: stats(open),
      restoreMs: stats(restore),
      ratioHistoryToLoad: Number((stats(list).median / stats(load).median).toFixed(2)),
      ratioOpenVersionToLoad: Number((stats(open).median / stats(load).median).toFixed(2)),
      ratioRestoreToLoad: Number((stats(restore).median / stats(load).median).toFixed(2)),
      machine: { cores: availableParallelism(), loadAverage1m: Number(loadavg()[0]!.toFixed(2)) },
      measuredAt: new Date().toISOString(),
    };
    console.log(
      `load the map ${result.loadMapMs.median} ms · history list ${result.historyListMs.median} ms (${result.ratioHistoryToLoad}×) · open a version ${result.openVersionMs.median} ms (${result.ratioOpenVersionToLoad}×) · restore ${result.restoreMs.median} ms (${result.ratioRestoreToLoad}×) — ${result.versions} versions, ${UPDATES} updates, load ${result.machine.loadAverage1m} on ${result.machine.cores} cores`,
    );
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/mapHistory.json", `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
