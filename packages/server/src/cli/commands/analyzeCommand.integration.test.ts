import { rebuildJourneyStore } from "@opencjm/analytics";
import { insertTestEvents, type TestEvent } from "@opencjm/analytics/testing";
import { buildMapFromTemplate, type ChannelId } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPersona } from "../../commands/personaCreator.js";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";
import { buildWorkspace } from "../../testing/factories.js";
import { runCli } from "../../testing/serverProcess.js";
import { testDialects, type TestDatabase } from "../../testing/testDatabases.js";
import { createTestServices } from "../../testing/testServices.js";

describe.each(testDialects)("cjm analyze (compiled CLI) on %s", (dialect) => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let workspaceId: string;
  let mapId: string;
  let personaId: string;

  beforeAll(async () => {
    const made = await createTestServices(dialect);
    t = made.t;
    const { services } = made;
    const ws = await buildWorkspace(services.db);
    workspaceId = ws.id;
    // The e-commerce template's first two steps get a touchpoint each.
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en", title: "Shoe shop" });
    const lane = snapshot.lanes.find((l) => l.type === "touchpoints")!;
    const [first, second] = snapshot.steps;
    const tpAd = await createTouchpoint(services.db, ws.id, {
      name: "Instagram ad",
      channelId: "website" as ChannelId,
      medium: "digital",
      description: "",
      ownerTeam: "",
    });
    const tpShop = await createTouchpoint(services.db, ws.id, {
      name: "Product page",
      channelId: "website" as ChannelId,
      medium: "digital",
      description: "",
      ownerTeam: "",
    });
    snapshot.cells = snapshot.cells.filter((c) => c.laneId !== lane.id);
    snapshot.cells.push(
      {
        laneId: lane.id,
        stepId: first!.id,
        cards: [
          {
            id: "k1",
            order: "a0",
            kind: "touchpoint",
            touchpointId: tpAd.id,
            note: "",
            evidence: { level: "assumption", refs: [] },
          },
        ],
      },
      {
        laneId: lane.id,
        stepId: second!.id,
        cards: [
          {
            id: "k2",
            order: "a0",
            kind: "touchpoint",
            touchpointId: tpShop.id,
            note: "",
            evidence: { level: "assumption", refs: [] },
          },
        ],
      },
    );
    mapId = (await services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
    await createTouchpointRule(services.db, ws.id, { touchpointId: tpAd.id, eventNames: ["ad_click"], conditions: [] });
    await createTouchpointRule(services.db, ws.id, {
      touchpointId: tpShop.id,
      eventNames: [],
      pattern: "product_*",
      conditions: [],
    });
    personaId = (
      await createPersona(services.db, ws.id, {
        name: "Runners",
        segment: { match: "all", conditions: [{ attribute: "sport", operator: "eq", value: "running" }] },
      })
    ).id;
    const events: TestEvent[] = [];
    for (let c = 0; c < 6; c++) {
      events.push({ customer: c, at: `2024-02-0${1 + c}T10:00:00Z`, name: "ad_click", channel: "social" });
      if (c < 4)
        events.push({
          customer: c,
          at: `2024-02-0${1 + c}T10:20:00Z`,
          name: "product_view",
          channel: "web",
          text: c === 0 ? "Отличные кроссовки, спасибо" : undefined,
        });
    }
    events.push({ customer: 6, at: "2024-02-07T09:00:00Z", name: "newsletter_open", channel: "email" });
    const db = await services.analytics.open(ws.id);
    await insertTestEvents(
      db,
      events,
      Object.fromEntries(Array.from({ length: 7 }, (_, c) => [c, { sport: c % 2 ? "tennis" : "running" }])),
    );
    await rebuildJourneyStore(db);
    // The CLI is another process: release the DuckDB file (one process at a time) but keep the database.
    await services.analytics.close();
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "" };
  });
  afterAll(() => t.dispose());

  it("prints a readable table per stage and step, with conformance, unmapped events and top paths", () => {
    const r = runCli(["analyze", "--map", mapId, "--workspace", workspaceId], env);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Shoe shop: 7 customers, 11 events (10 on the map, 1 unmapped)");
    expect(r.stdout).toMatch(/Stage \/ step\s+Customers\s+Share/);
    // 6 reach the first step, 4 of them go on to the second within 20 minutes.
    const firstStep = r.stdout.split("\n").find((l) => /^ {2}\S/.test(l))!;
    expect(firstStep).toMatch(/\s6\s+85\.7%\s+4\s+66\.7%\s+20\.0 min\s+20\.0 min/);
    expect(r.stdout).toContain("Unmapped events: newsletter_open/email (1)");
    expect(r.stdout).toMatch(/Top paths:\n\s+4\s+57\.1%\s+.+ → .+/);
  });

  // Each case starts a CLI process; on a busy machine that takes seconds.
  it(
    "prints the full metrics as JSON, filtered by persona, segment shorthand, channel and dates",
    { timeout: 180_000 },
    () => {
      const json = (args: string[]) => {
        const r = runCli(["analyze", "--map", mapId, "--workspace", workspaceId, "--json", ...args], env);
        expect(r.stderr).toBe("");
        return JSON.parse(r.stdout) as {
          totals: { customers: number; events: number };
          steps: Array<{ customers: number; sentiment: { quotes: Array<{ language: string }> } }>;
        };
      };
      expect(json([]).totals).toMatchObject({ customers: 7, events: 11 });
      expect(json(["--persona", personaId]).totals.customers).toBe(4);
      expect(json(["--segment", "sport=tennis"]).totals.customers).toBe(3);
      expect(
        json(["--segment", '{"match":"any","conditions":[{"attribute":"sport","operator":"eq","value":"tennis"}]}'])
          .totals.customers,
      ).toBe(3);
      expect(json(["--channel", "web", "email"]).totals).toMatchObject({ customers: 5, events: 5 });
      expect(json(["--from", "2024-02-03", "--to", "2024-02-05"]).totals.customers).toBe(2);
      expect(json([]).steps[1]!.sentiment.quotes.map((q) => q.language)).toEqual(["ru"]);
    },
  );

  it("names the option at fault and exits non-zero", { timeout: 180_000 }, () => {
    const cases: Array<[string[], string]> = [
      [["--map", "map_nope", "--workspace", workspaceId], "--map: no map"],
      [["--map", mapId, "--workspace", "ws_nope"], "--workspace: no workspace"],
      [["--map", mapId, "--workspace", workspaceId, "--from", "last week"], "--from:"],
      [["--map", mapId, "--workspace", workspaceId, "--order", "random"], "--order:"],
      [["--map", mapId, "--workspace", workspaceId, "--segment", "sport"], "--segment:"],
      [["--map", mapId, "--workspace", workspaceId, "--segment", "{not json"], "--segment: is not valid JSON"],
      [["--map", mapId, "--workspace", workspaceId, "--window-hours", "soon"], "--window-hours:"],
      [["--map", mapId, "--workspace", workspaceId, "--persona", "pe_nope"], "--persona: no persona"],
      [["--workspace", workspaceId], "--map"],
    ];
    for (const [args, message] of cases) {
      const r = runCli(["analyze", ...args], env);
      expect([args.join(" "), r.status, r.stderr]).toEqual([args.join(" "), 1, expect.stringContaining(message)]);
    }
  });

  it("says what is wrong with an option in the reader's language", { timeout: 180_000 }, () => {
    const cases: Array<[string[], string]> = [
      [["--window-hours", "soon"], "--window-hours: «soon» — не число"],
      [["--edges", "1.5"], "--edges: «1.5» — не целое число"],
      [["--segment", "sport"], "--segment: «sport» — не условие атрибут=значение"],
      [["--segment", "{not json"], "--segment: это не корректный JSON"],
      [["--from", "last week"], "--from: "],
    ];
    for (const [args, message] of cases) {
      const r = runCli(["--lang", "ru", "analyze", "--map", mapId, "--workspace", workspaceId, ...args], env);
      expect([args.join(" "), r.status, r.stderr]).toEqual([args.join(" "), 1, expect.stringContaining(message)]);
      expect(r.stderr).not.toMatch(/is not|Invalid|expected/);
    }
  });
});
