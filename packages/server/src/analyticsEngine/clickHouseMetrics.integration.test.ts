import { connectClickHouse, type ClickHouseEvents } from "@opencjm/analytics";
import { clickhouseSkipReason, startTestClickHouseShards, type TestClickHouseShards } from "@opencjm/analytics/testing";
import {
  MAP_DOCUMENT_VERSION,
  MapMetricsRequestSchema,
  MapSettingsSchema,
  type ChannelId,
  type MapSnapshot,
} from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsForMap } from "../commands/metricsForMap.js";
import { createTouchpoint } from "../commands/touchpointCreator.js";
import type { Services } from "../services.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";

const skip = clickhouseSkipReason();
if (skip) console.warn(`skipped: the server on ClickHouse (${skip})`);

const STEPS = [
  ["ad", "ad_click"],
  ["pricing", "pricing_view"],
  ["signup", "signup"],
  ["buy", "purchase"],
] as const;

/** A CSV of `customers` customers walking part of the funnel over web and e-mail, some rating the purchase. */
function eventsCsv(customers: number, offset: number): string {
  const rows = ["customer,timestamp,event,channel,score,comment"];
  for (let c = 0; c < customers; c++) {
    const id = `cust-${offset + c}`;
    const start = Date.UTC(2024, 2, 1) + (offset + c) * 3_600_000;
    const reach = 1 + ((c * 7) % STEPS.length);
    for (let s = 0; s < reach; s++) {
      const at = new Date(start + s * (5 + ((c + s) % 11)) * 60_000).toISOString();
      const channel = s % 2 === 0 ? "web" : "email";
      const rated = STEPS[s]![1] === "purchase";
      rows.push(
        `${id},${at},${STEPS[s]![1]},${channel},${rated ? 1 + (c % 5) : ""},${rated ? `"fast, thanks ${c}"` : ""}`,
      );
    }
    if (c % 4 === 0) rows.push(`${id},${new Date(start + 90 * 60_000).toISOString()},support_call,phone,,`);
  }
  return `${rows.join("\n")}\n`;
}

const MAPPING = {
  columns: {
    customer: { role: "identifier", kind: "customerId" },
    timestamp: { role: "timestamp" },
    event: { role: "event" },
    channel: { role: "channel" },
    score: { role: "score", kind: "csat" },
    comment: { role: "text" },
  },
};

/** Everything but the moment of computing, the engine's own store generation and the draft's fresh random ids. */
const comparable = <T extends Record<string, unknown>>(m: T) => ({
  ...m,
  computedAt: undefined,
  storeGeneration: undefined,
  draft: JSON.stringify(m.draft).replace(/"(id|stageId|laneId|stepId|order)":"[^"]*"/g, ""),
});

/** The same workspace's services with ClickHouse left out: the server as it answers without CLICKHOUSE_URL. */
const withoutClickHouse = (services: Services): Services => ({
  ...services,
  analytics: { ...services.analytics, clickHouse: undefined },
});

describe.skipIf(skip !== undefined).each(testDialects)("a server with ClickHouse configured, on %s", (dialect) => {
  let shards: TestClickHouseShards;
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  let mapId: string;
  let real: ClickHouseEvents;

  const upload = (path: string, body: string) =>
    t.app.request(path, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "application/octet-stream" },
      body,
    });
  const createSource = async (name: string) => {
    const res = await t.request("POST", `${base}/sources`, {
      headers: ws.users.editor.headers,
      body: { name, kind: "web", mapping: MAPPING },
    });
    expect(res.status).toBe(201);
    return (res.body as { sourceId: string }).sourceId;
  };
  const metricsOnClickHouse = async () => {
    const res = await t.request("POST", `${base}/maps/${mapId}/metrics`, {
      headers: ws.users.viewer.headers,
      body: {},
    });
    expect(res.status).toBe(200);
    return comparable(res.body);
  };
  const metricsOnDuckDb = async () =>
    comparable(
      JSON.parse(
        JSON.stringify(
          (await metricsForMap(withoutClickHouse(t.services), ws.id, mapId, MapMetricsRequestSchema.parse({}))).metrics,
        ),
      ) as Record<string, unknown>,
    );

  beforeAll(async () => {
    shards = await startTestClickHouseShards();
    t = await createTestApp(dialect, {
      clickHouse: { urls: shards.urls, cluster: shards.cluster, database: `opencjm_server_${dialect}` },
    });
    real = t.services.analytics.clickHouse!;
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
    const cards = [];
    for (const [step, event] of STEPS) {
      const touchpoint = await createTouchpoint(t.services.db, ws.id, {
        name: step,
        channelId: "website" as ChannelId,
        medium: "digital",
        description: "",
        ownerTeam: "",
      });
      const rule = await t.request("POST", `${base}/touchpoint-rules`, {
        headers: ws.users.editor.headers,
        body: { touchpointId: touchpoint.id, eventNames: [event] },
      });
      expect(rule.status).toBe(201);
      cards.push({ step, touchpointId: touchpoint.id });
    }
    const snapshot = {
      version: MAP_DOCUMENT_VERSION,
      settings: MapSettingsSchema.parse({ title: "Shop", type: "currentState" }),
      stages: [{ id: "s_all", name: "All", description: "", order: "a0" }],
      steps: cards.map((c, i) => ({
        id: `p_${c.step}`,
        stageId: "s_all",
        name: c.step,
        description: "",
        parallel: false,
        order: `a${i}`,
      })),
      lanes: [{ id: "l_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" }],
      cells: cards.map((c) => ({
        laneId: "l_tp",
        stepId: `p_${c.step}`,
        cards: [
          {
            id: `c_${c.step}`,
            order: "a0",
            kind: "touchpoint",
            touchpointId: c.touchpointId,
            note: "",
            evidence: { level: "assumption", refs: [] },
          },
        ],
      })),
      emotions: [],
    } as unknown as MapSnapshot;
    mapId = (await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
    await shards?.stop();
  });

  it("answers a map's metrics from ClickHouse after an import, equal to the server without ClickHouse", async () => {
    const web = await createSource("Web shop");
    const imported = await upload(`${base}/sources/${web}/imports?fileName=web.csv&wait=true`, eventsCsv(120, 0));
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ status: "done", error: null });

    // Both shards hold some of the events: the metrics below were read from the cluster, not from DuckDB.
    const perShard = await Promise.all(
      real.shards.map(async (shard) => {
        const r = await shard.query({
          query: `SELECT sum(rows) FROM system.parts WHERE database = 'opencjm_server_${dialect}' AND active AND table LIKE '%local%'`,
          format: "TabSeparated",
        });
        return Number((await r.text()).trim());
      }),
    );
    expect(perShard.every((rows) => rows > 0)).toBe(true);

    const fromClickHouse = await metricsOnClickHouse();
    expect(fromClickHouse).toMatchObject({ totals: { customers: 120 } });
    expect(fromClickHouse).toEqual(await metricsOnDuckDb());
  });

  it("reports an import whose publication failed as failed with the reason, and keeps answering from the events published before", async () => {
    const before = await metricsOnClickHouse();
    // The second shard is unreachable for this import (a dead port), the cluster itself untouched.
    t.services.analytics.clickHouse = connectClickHouse({
      ...real.config,
      urls: [real.config.urls[0]!, "http://127.0.0.1:9"],
    });
    try {
      const ready = await t.request("GET", "/api/ready");
      expect([ready.status, String(ready.body.reason)]).toEqual([
        503,
        expect.stringContaining("clickhouse: http://127.0.0.1:9"),
      ]);
      const crm = await createSource("Mail");
      const failed = await upload(`${base}/sources/${crm}/imports?fileName=mail.csv&wait=true`, eventsCsv(30, 500));
      expect(failed.status).toBe(503);
      const body = (await failed.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("clickhouse_publish_failed");
      expect(body.error.message).toContain("could not be published to ClickHouse");
    } finally {
      await t.services.analytics.clickHouse.close();
      t.services.analytics.clickHouse = real;
    }
    expect(await metricsOnClickHouse()).toEqual(before);
    // DuckDB has the new events; ClickHouse shows them once a publication succeeds.
    expect((await metricsOnDuckDb()).totals).toMatchObject({ customers: 150 });
  });

  it("publishes again after a source is deleted and identities are stitched anew", async () => {
    const ready = await t.request("GET", "/api/ready");
    expect(ready.status).toBe(200);
    const sources = (await t.request("GET", `${base}/sources`, { headers: ws.users.viewer.headers }))
      .body as unknown as Array<{
      sourceId: string;
      name: string;
    }>;
    const mail = sources.find((s) => s.name === "Mail")!.sourceId;
    const third = await createSource("Shop app");
    const imported = await upload(`${base}/sources/${third}/imports?fileName=app.csv&wait=true`, eventsCsv(20, 900));
    expect(imported.status).toBe(200);
    expect(await metricsOnClickHouse()).toMatchObject({ totals: { customers: 170 } });
    const removed = await t.request("DELETE", `${base}/sources/${mail}`, { headers: ws.users.editor.headers });
    expect(removed.status).toBe(200);
    const fromClickHouse = await metricsOnClickHouse();
    expect(fromClickHouse).toMatchObject({ totals: { customers: 140 } });
    expect(fromClickHouse).toEqual(await metricsOnDuckDb());
  });
});
