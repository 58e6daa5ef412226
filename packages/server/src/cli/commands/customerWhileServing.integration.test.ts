import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { importEvents, ImportMappingSchema } from "@opencjm/analytics";
import { buildMapFromTemplate, KpiCreateSchema, KpiSeriesSchema, type ChannelId } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKpi } from "../../commands/kpiDefiner.js";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";
import { buildTokenHeaders, buildWorkspace } from "../../testing/factories.js";
import { runCli, startServerProcess, type ServerProcess } from "../../testing/serverProcess.js";
import type { TestDatabase } from "../../testing/testDatabases.js";
import { createTestServices } from "../../testing/testServices.js";

describe("cjm customer and cjm kpi series while cjm serve holds the event data", { timeout: 240_000 }, () => {
  let t: TestDatabase;
  let server: ServerProcess | undefined;
  let env: NodeJS.ProcessEnv;
  let workspaceId: string;
  let mapId: string;
  let kpiId: string;

  beforeAll(async () => {
    const made = await createTestServices("sqlite");
    t = made.t;
    const { services } = made;
    const ws = await buildWorkspace(services.db);
    workspaceId = ws.id;
    const headers = await buildTokenHeaders(services.db, ws.users.viewer.id, "read");
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en", title: "Shoe shop" });
    const lane = snapshot.lanes.find((l) => l.type === "touchpoints")!;
    const ad = await createTouchpoint(services.db, ws.id, {
      name: "Instagram ad",
      channelId: "website" as ChannelId,
      medium: "digital",
      description: "",
      ownerTeam: "",
    });
    snapshot.cells = snapshot.cells.filter((c) => c.laneId !== lane.id);
    snapshot.cells.push({
      laneId: lane.id,
      stepId: snapshot.steps[0]!.id,
      cards: [
        {
          id: "k1",
          order: "a0",
          kind: "touchpoint",
          touchpointId: ad.id,
          note: "",
          evidence: { level: "assumption", refs: [] },
        },
      ],
    });
    mapId = (await services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
    await createTouchpointRule(services.db, ws.id, { touchpointId: ad.id, eventNames: ["ad_click"], conditions: [] });
    const kpi = await createKpi(
      services,
      ws.id,
      ws.users.editor.id,
      KpiCreateSchema.parse({
        name: "Ad reach",
        anchor: { kind: "step", mapId, stepId: snapshot.steps[0]!.id },
        source: { kind: "data", measure: "reach" },
      }),
    );
    kpiId = kpi.id;
    const path = join(t.config.dataDir, "events.csv");
    writeFileSync(
      path,
      "email,ts,event\n" +
        "lena@example.org,2024-05-01T10:00:00Z,ad_click\n" +
        "lena@example.org,2024-05-02T09:00:00Z,support_call\n" +
        "omar@example.org,2024-05-03T09:00:00Z,ad_click\n",
    );
    await importEvents(await services.analytics.open(ws.id), {
      path,
      source: { name: "Shop", kind: "web" },
      mapping: ImportMappingSchema.parse({
        columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" }, event: { role: "event" } },
      }),
    });
    await services.analytics.close();
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: "", LANG: "C" };
    server = await startServerProcess([], env);
    // The server opens the workspace's event database (and keeps it) when its data is first asked for.
    const sources = await fetch(`${server.url}/api/workspaces/${ws.id}/sources`, { headers });
    expect(sources.status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    t?.dispose();
  });

  it("cjm customer reads a copy taken now instead of failing on the database lock", () => {
    const r = runCli(["customer", "lena@example.org", "--workspace", workspaceId, "--map", mapId], env);
    expect(r.stderr).toContain("reading a copy taken now (read-only)");
    expect(r.stderr).not.toMatch(/lock/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2024-05-01 10:00:00Z  Shop  ad_click");
    expect(r.stdout).toContain("2024-05-02 09:00:00Z  Shop  support_call");
  });

  it("cjm kpi series reads a copy taken now too, and the server keeps answering", async () => {
    const r = runCli(
      ["kpi", "series", kpiId, "--workspace", workspaceId, "--from", "2024-04-29", "--to", "2024-05-06", "--json"],
      env,
    );
    expect(r.stderr).toContain("reading a copy taken now (read-only)");
    expect(r.status).toBe(0);
    const series = KpiSeriesSchema.array().parse(JSON.parse(r.stdout));
    expect(series.map((s) => s.points.map((p) => p.value))).toEqual([[2]]);
    expect((await fetch(`${server!.url}/api/health`)).status).toBe(200);
  });
});
