import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { importEvents, ImportMappingSchema } from "@opencjm/analytics";
import { buildMapFromTemplate, type ChannelId } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";
import { buildWorkspace } from "../../testing/factories.js";
import { runCli } from "../../testing/serverProcess.js";
import { testDialects, type TestDatabase } from "../../testing/testDatabases.js";
import { createTestServices } from "../../testing/testServices.js";

describe.each(testDialects)("cjm customer (compiled CLI) on %s", (dialect) => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let workspaceId: string;
  let mapId: string;

  beforeAll(async () => {
    const made = await createTestServices(dialect);
    t = made.t;
    const { services } = made;
    const ws = await buildWorkspace(services.db);
    workspaceId = ws.id;
    // The e-commerce template's first step gets the ad's touchpoint; Lena clicks the ad and calls support.
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
    const db = await services.analytics.open(ws.id);
    const path = join(t.config.dataDir, "events.csv");
    writeFileSync(
      path,
      "email,phone,ts,event,csat,comment\n" +
        "lena@example.org,,2024-05-01T10:00:00Z,ad_click,,\n" +
        'lena@example.org,+49 30 5550101,2024-05-02T09:00:00Z,support_call,2,"Kept waiting \u001b[31m"\n',
    );
    await importEvents(db, {
      path,
      source: { name: "Shop", kind: "web" },
      mapping: ImportMappingSchema.parse({
        columns: {
          email: { role: "identifier", kind: "email" },
          phone: { role: "identifier", kind: "phone" },
          ts: { role: "timestamp" },
          event: { role: "event" },
          csat: { role: "score", kind: "csat" },
          comment: { role: "text" },
        },
      }),
    });
    // The CLI is another process: release the DuckDB file (one process at a time) but keep the database.
    await services.analytics.close();
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "" };
  });
  afterAll(() => t.dispose());

  it(
    "prints a customer found by phone: identifiers, why they are one, events with their words, and the map's steps",
    { timeout: 180_000 },
    () => {
      const r = runCli(["customer", "+49 30 555 0101", "--workspace", workspaceId, "--map", mapId], env);
      expect([r.status, r.stderr]).toEqual([0, ""]);
      expect(r.stdout).toContain("Identifiers: email lena@example.org, phone 49305550101");
      expect(r.stdout).toContain('has both email "lena@example.org" and phone "49305550101"');
      // Why they are one customer, in the reader's language too (the stored reason is English).
      const ru = runCli(["customer", "+49 30 555 0101", "--workspace", workspaceId, "--lang", "ru"], env);
      expect(ru.stdout).toMatch(
        /в строке \d+ файла events\.csv \(источник «[^»]+»\) есть и email "lena@example\.org", и phone "49305550101"/,
      );
      expect(r.stdout).toContain("2 events:");
      expect(r.stdout).toContain("2024-05-01 10:00:00Z  Shop  ad_click");
      expect(r.stdout).toContain("2024-05-02 09:00:00Z  Shop  support_call  CSAT 2");
      // The comment's escape sequence is made inert for the terminal.
      expect(r.stdout).toContain("“Kept waiting \ufffd[31m”");
      expect(r.stdout).toMatch(/: reached 2024-05-01 10:00:00Z, went on|: reached 2024-05-01 10:00:00Z, left here/);
      expect(r.stdout).toContain(": not reached");
      // "Went on" is judged within the conversion window, which is stated: none unless one is asked for.
      expect(r.stdout).toContain("Conversion window: none (the largest, 87600 h; set one with --window-hours)");
      const windowed = runCli(
        ["customer", "lena@example.org", "--workspace", workspaceId, "--map", mapId, "--window-hours", "48"],
        env,
      );
      expect(windowed.stdout).toContain("Conversion window: 48 h (set with --window-hours)");
      const badWindow = runCli(
        ["customer", "lena@example.org", "--workspace", workspaceId, "--window-hours", "soon"],
        env,
      );
      expect([badWindow.status, badWindow.stderr]).toEqual([1, expect.stringMatching(/^error: --window-hours: /)]);
    },
  );

  it("prints the timeline as JSON and speaks the reader's language", { timeout: 240_000 }, () => {
    const json = runCli(["customer", "lena@example.org", "--workspace", workspaceId, "--json"], env);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ eventCount: 2, map: null });
    const russian = runCli(["--lang", "ru", "customer", "lena@example.org", "--workspace", workspaceId], env);
    expect(russian.stdout).toContain("Идентификаторы: email lena@example.org");
    expect(russian.stdout).toContain("2 события:");
  });

  it("names what is wrong: an unknown customer, map or workspace, or a bad kind", { timeout: 360_000 }, () => {
    const unknown = runCli(["customer", "nobody@example.org", "--workspace", workspaceId], env);
    expect([unknown.status, unknown.stderr.trim()]).toEqual([
      1,
      'error: <identifier>: no customer with identifier "nobody@example.org"',
    ]);
    const noMap = runCli(["customer", "lena@example.org", "--workspace", workspaceId, "--map", "map_gone"], env);
    expect(noMap.stderr.trim()).toBe(`error: --map: no map "map_gone" in workspace ${workspaceId}`);
    const noWorkspace = runCli(["customer", "lena@example.org", "--workspace", "ws_gone"], env);
    expect(noWorkspace.stderr.trim()).toBe('error: --workspace: no workspace "ws_gone"');
    const badKind = runCli(["customer", "lena@example.org", "--workspace", workspaceId, "--kind", "shoe"], env);
    expect([badKind.status, badKind.stderr]).toEqual([1, expect.stringMatching(/^error: --kind: /)]);
  });
});
