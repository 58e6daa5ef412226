import { rebuildJourneyStore } from "@opencjm/analytics";
import { insertTestEvents, type TestEvent } from "@opencjm/analytics/testing";
import { buildMapFromTemplate, type ChannelId } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";
import { buildTokenHeaders, buildWorkspace } from "../../testing/factories.js";
import { runCli, startServerProcess, type ServerProcess } from "../../testing/serverProcess.js";
import type { TestDatabase } from "../../testing/testDatabases.js";
import { createTestServices } from "../../testing/testServices.js";

describe("cjm analyze while cjm serve runs on the same SQLite file and data folder", { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let server: ServerProcess | undefined;
  let env: NodeJS.ProcessEnv;
  let workspaceId: string;
  let mapId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const made = await createTestServices("sqlite");
    t = made.t;
    const { services } = made;
    const ws = await buildWorkspace(services.db);
    workspaceId = ws.id;
    headers = await buildTokenHeaders(services.db, ws.users.viewer.id, "read");
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en", title: "Support tickets" });
    const lane = snapshot.lanes.find((l) => l.type === "touchpoints")!;
    const names = ["opened", "answered", "closed"];
    snapshot.cells = snapshot.cells.filter((c) => c.laneId !== lane.id);
    for (const [i, name] of names.entries()) {
      const tp = await createTouchpoint(services.db, ws.id, {
        name: `Ticket ${name}`,
        channelId: "email" as ChannelId,
        medium: "digital",
        description: "",
        ownerTeam: "",
      });
      await createTouchpointRule(services.db, ws.id, { touchpointId: tp.id, eventNames: [name], conditions: [] });
      snapshot.cells.push({
        laneId: lane.id,
        stepId: snapshot.steps[i]!.id,
        cards: [
          {
            id: `k${i}`,
            order: "a0",
            kind: "touchpoint",
            touchpointId: tp.id,
            note: "",
            evidence: { level: "assumption", refs: [] },
          },
        ],
      } as (typeof snapshot.cells)[number]);
    }
    mapId = (await services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
    // Tickets answered two to six weeks after they were opened: a 30-day window would have cut half of them.
    const events: TestEvent[] = [];
    for (let c = 0; c < 6; c++) {
      const opened = Date.UTC(2024, 0, 1 + c);
      const at = (days: number) => new Date(opened + days * 86_400_000).toISOString();
      events.push({ customer: c, at: at(0), name: "opened", channel: "email" });
      events.push({ customer: c, at: at(14 + 7 * c), name: "answered", channel: "email" });
      events.push({ customer: c, at: at(15 + 7 * c), name: "closed", channel: "email" });
    }
    const db = await services.analytics.open(ws.id);
    await insertTestEvents(db, events);
    await rebuildJourneyStore(db);
    await services.analytics.close();
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: "", LANG: "C" };
    server = await startServerProcess([], env);
    // The server opens the workspace's event database (and keeps it) when its data is first asked for.
    const sources = await fetch(`${server.url}/api/workspaces/${ws.id}/sources`, { headers });
    expect(sources.status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    t.dispose();
  });

  it("reads a copy taken now instead of failing on the database lock, and states the window and case durations", async () => {
    const r = runCli(["analyze", "--map", mapId, "--workspace", workspaceId], env);
    expect(r.stderr).toContain("reading a copy taken now (read-only)");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Support tickets: 6 customers, 18 events");
    expect(r.stdout).toContain("Conversion window: none (the largest, 87600 h; set one with --window-hours)");
    // Every ticket converts to "answered" under the default window, however long it took.
    const firstStep = r.stdout.split("\n").find((l) => /^ {2}\S/.test(l))!;
    expect(firstStep).toMatch(/\s6\s+100\.0%\s+6\s+100\.0%/);
    expect(r.stdout).toMatch(/Case durations \(first to last event\): 6 journeys, median 29\.0 d, p90 50\.0 d/);
    expect(r.stdout).toMatch(/Directly-follows graph, 2 of 2 transitions/);
    expect(r.stdout).toMatch(/\s6\s+6\s+\S+ d\s+.+ → .+/);
    // The server is still up and answering.
    const health = await fetch(`${server!.url}/api/health`);
    expect(health.status).toBe(200);
    // A window that is asked for is stated and used.
    const windowed = runCli(
      ["analyze", "--map", mapId, "--workspace", workspaceId, "--window-hours", "720", "--json"],
      env,
    );
    const json = JSON.parse(windowed.stdout) as {
      options: { conversionWindowHours: number };
      steps: Array<{ conversion: { converted: number } | null }>;
      caseDurations: { conversionWindowHours: number; cases: { count: number } };
    };
    expect(json.options.conversionWindowHours).toBe(720);
    expect(json.caseDurations).toMatchObject({ conversionWindowHours: 720, cases: { count: 6 } });
    expect(json.steps[0]!.conversion!.converted).toBe(3);
  });
});
