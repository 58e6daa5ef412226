import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { connectClickHouse, ensureClickHouseTables, type ClickHouseEvents } from "@opencjm/analytics";
import { clickhouseSkipReason, startTestClickHouseShards, type TestClickHouseShards } from "@opencjm/analytics/testing";
import { MapMetricsRequestSchema, type ImportRecord } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsForMap } from "../commands/metricsForMap.js";
import { printMetrics } from "../mapExport/printMetrics.js";
import type { Services } from "../services.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { CLI_PATH } from "../testing/serverProcess.js";
import { createShopMap, SHOP_MAPPING, shopEventsCsv } from "../testing/shopFunnel.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";
import { clickHouseErrorCode, isMissingTable } from "./clickHouseErrorCode.js";

// Imports, publications and Node processes loading DuckDB take seconds each on two busy cores.
const SLOW = { timeout: 240_000 };

const skip = clickhouseSkipReason();
if (skip) console.warn(`skipped: publication to ClickHouse (${skip})`);

/** Everything but the moment of computing, the engine's own store generation and the draft's fresh random ids. */
const comparable = (m: object) => {
  const copy = JSON.parse(JSON.stringify(m)) as Record<string, unknown> & { totals: unknown };
  return {
    ...copy,
    computedAt: undefined,
    storeGeneration: undefined,
    draft: JSON.stringify(copy.draft).replace(/"(id|stageId|laneId|stepId|order)":"[^"]*"/g, ""),
  };
};

/** The same services with ClickHouse left out: the server as it answers without CLICKHOUSE_URL. */
const withoutClickHouse = (services: Services): Services => ({
  ...services,
  analytics: { ...services.analytics, clickHouse: undefined },
});

describe.skipIf(skip !== undefined).each(testDialects)("publishing events to ClickHouse, on %s", (dialect) => {
  let shards: TestClickHouseShards;
  let t: TestApp;
  let real: ClickHouseEvents;
  const database = `opencjm_publication_${dialect}`;

  const upload = async (ws: TestWorkspace, sourceId: string, body: string) =>
    await t.app.request(`/api/workspaces/${ws.id}/sources/${sourceId}/imports?fileName=shop.csv&wait=true`, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "application/octet-stream" },
      body,
    });
  const createSource = async (ws: TestWorkspace, name: string) => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/sources`, {
      headers: ws.users.editor.headers,
      body: { name, kind: "web", mapping: SHOP_MAPPING },
    });
    expect(res.status).toBe(201);
    return (res.body as { sourceId: string }).sourceId;
  };
  const importHistory = async (ws: TestWorkspace) =>
    (await t.request("GET", `/api/workspaces/${ws.id}/imports`, { headers: ws.users.viewer.headers }))
      .body as unknown as ImportRecord[];
  const metrics = async (services: Services, ws: TestWorkspace, mapId: string) =>
    comparable((await metricsForMap(services, ws.id, mapId, MapMetricsRequestSchema.parse({}))).metrics);
  /** Runs with every shard unreachable (dead ports), the cluster itself untouched: ClickHouse as when it is stopped. */
  const withClickHouseDown = async <T>(work: () => Promise<T>): Promise<T> => {
    t.services.analytics.clickHouse = connectClickHouse({
      ...real.config,
      urls: real.config.urls.map(() => "http://127.0.0.1:9"),
    });
    try {
      return await work();
    } finally {
      await t.services.analytics.clickHouse.close();
      t.services.analytics.clickHouse = real;
    }
  };

  beforeAll(async () => {
    shards = await startTestClickHouseShards();
    t = await createTestApp(dialect, { clickHouse: { urls: shards.urls, cluster: shards.cluster, database } });
    real = t.services.analytics.clickHouse!;
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
    await shards?.stop();
  });

  it("tells a missing table and a missing database by ClickHouse's error code, on the shards' own release", async () => {
    const failure = (query: string) =>
      real.shards[0]!.query({ query, format: "TabSeparated" }).then(
        () => undefined,
        (err: unknown) => err,
      );
    const missingTable = await failure("SELECT 1 FROM system.no_such_table");
    expect([clickHouseErrorCode(missingTable), isMissingTable(missingTable)]).toEqual([60, true]);
    const missingDatabase = await failure("SELECT 1 FROM no_such_database.events");
    expect([clickHouseErrorCode(missingDatabase), isMissingTable(missingDatabase)]).toEqual([81, true]);
    const syntax = await failure("SELEKT 1");
    expect([clickHouseErrorCode(syntax), isMissingTable(syntax)]).toEqual([62, false]);
  });

  // A workspace whose events reached DuckDB only: imported before ClickHouse was configured, or left by a first
  // publication that failed after creating the tables. Its metrics, first asked for, publish it and equal DuckDB's.
  for (const { state, tablesOnly } of [
    { state: "imported before ClickHouse was configured", tablesOnly: false },
    { state: "whose ClickHouse tables exist without a published batch", tablesOnly: true },
  ])
    it(`publishes a workspace ${state} when its metrics are first asked for`, SLOW, async () => {
      const ws = await buildWorkspace(t.services.db);
      const mapId = await createShopMap(t, ws);
      const source = await createSource(ws, "Web shop");
      const services = t.services;
      services.analytics.clickHouse = undefined;
      try {
        expect((await upload(ws, source, shopEventsCsv(40, 0))).status).toBe(200);
      } finally {
        services.analytics.clickHouse = real;
      }
      if (tablesOnly) await ensureClickHouseTables(real, ws.id);
      const fromClickHouse = await metrics(services, ws, mapId);
      expect(fromClickHouse).toMatchObject({ totals: { customers: 40 } });
      expect(fromClickHouse).toEqual(await metrics(withoutClickHouse(services), ws, mapId));
    });

  it(
    "marks an import failed with its reason while ClickHouse is down, prints ClickHouse's numbers, and the next import heals both",
    SLOW,
    async () => {
      const ws = await buildWorkspace(t.services.db);
      const mapId = await createShopMap(t, ws);
      const source = await createSource(ws, "Web shop");
      expect((await upload(ws, source, shopEventsCsv(30, 0))).status).toBe(200);

      const refused = await withClickHouseDown(() => upload(ws, source, shopEventsCsv(20, 100)));
      expect(refused.status).toBe(503);
      const [failed] = await importHistory(ws);
      expect(failed).toMatchObject({
        status: "failed",
        eventsStored: expect.any(Number),
        error: { code: "clickhouse_publish_failed", message: expect.stringContaining("ClickHouse") },
      });

      // DuckDB holds all 50 customers, ClickHouse the 30 published before: exports print what the map screen shows.
      expect((await metrics(withoutClickHouse(t.services), ws, mapId)).totals).toMatchObject({ customers: 50 });
      const snapshot = await t.services.maps.readSnapshot(mapId);
      expect((await printMetrics(t.services, ws.id, mapId, snapshot))?.totals).toMatchObject({ customers: 30 });

      expect((await upload(ws, source, shopEventsCsv(10, 200))).status).toBe(200);
      expect((await importHistory(ws)).map((r) => [r.status, r.error])).toEqual([
        ["done", null],
        ["done", null],
        ["done", null],
      ]);
      const fromClickHouse = await metrics(t.services, ws, mapId);
      expect(fromClickHouse).toMatchObject({ totals: { customers: 60 } });
      expect(fromClickHouse).toEqual(await metrics(withoutClickHouse(t.services), ws, mapId));
      expect((await printMetrics(t.services, ws.id, mapId, snapshot))?.totals).toMatchObject({ customers: 60 });
    },
  );

  // The CLI is a process of its own that must find this workspace in the app database: on SQLite it is the file in
  // the data folder; the PostgreSQL test database's address stays inside the test kit (the engine is the same).
  // Defined on SQLite only rather than skipped on PostgreSQL: under CI a skipped test counts as one that could not run.
  if (dialect === "sqlite")
    it("publishes what cjm import-events imports, with the same metrics as DuckDB, and says so", SLOW, async () => {
      const ws = await buildWorkspace(t.services.db);
      const mapId = await createShopMap(t, ws);
      const dir = t.services.config.dataDir;
      writeFileSync(join(dir, "shop.csv"), shopEventsCsv(70, 0));
      writeFileSync(join(dir, "shop.mapping.json"), JSON.stringify(SHOP_MAPPING));
      const env = {
        ...process.env,
        DATA_DIR: dir,
        DATABASE_URL: t.services.config.databaseUrl ?? "",
        CLICKHOUSE_URL: shards.urls.join(","),
        CLICKHOUSE_CLUSTER: shards.cluster,
        CLICKHOUSE_DATABASE: database,
      };
      const args = ["import-events", join(dir, "shop.csv"), "--workspace", ws.id, "--source", "Shop"];
      const run = spawnSync(process.execPath, [CLI_PATH, ...args, "--mapping", join(dir, "shop.mapping.json")], {
        env,
        encoding: "utf8",
      });
      // Nothing but the command's own words: no client library warnings in the user's terminal.
      expect([run.status, run.stderr]).toEqual([0, ""]);
      expect(run.stdout).toContain("published to ClickHouse");

      const fromClickHouse = await metrics(t.services, ws, mapId);
      expect(fromClickHouse).toMatchObject({ totals: { customers: 70 } });
      expect(fromClickHouse).toEqual(await metrics(withoutClickHouse(t.services), ws, mapId));

      // ClickHouse unreachable: the CLI fails naming why, and the import's history says failed with the reason (a
      // workspace this process has not opened, since DuckDB lets one process at a time hold an event database).
      const other = await buildWorkspace(t.services.db);
      const down = spawnSync(
        process.execPath,
        [CLI_PATH, ...args.map((a) => (a === ws.id ? other.id : a)), "--mapping", join(dir, "shop.mapping.json")],
        { env: { ...env, CLICKHOUSE_URL: shards.urls.map(() => "http://127.0.0.1:9").join(",") }, encoding: "utf8" },
      );
      expect([down.status, down.stderr]).toEqual([
        1,
        expect.stringMatching(/could not be published to ClickHouse[^]*marked failed/),
      ]);
      expect((await importHistory(other))[0]).toMatchObject({
        status: "failed",
        error: { code: "clickhouse_publish_failed" },
      });
    });
});
