import type { Infographic } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShareLink } from "../commands/shareLinkCreator.js";
import { seedDemoEvidence } from "../demo/seedDemoEvidence.js";
import { seedDemoWorkspace } from "../demo/seedDemoWorkspace.js";
import { buildWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";

/** The demo map with pain points, opportunities, ideas and customer data. */
const DEMO_TITLE = "Lena buys running shoes online";

describe.each(testDialects)("what the infographic's print view is given on %s", (dialect) => {
  let t: TestApp;
  let workspaceId: string;
  let mapId: string;
  let ownerId: string;

  const link = async (purpose: "export" | "share") =>
    (
      await createShareLink(t.services.db, {
        workspaceId,
        mapId,
        userId: ownerId,
        purpose,
        expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      })
    ).token;
  const shared = async (token: string, query: string) => {
    const res = await t.request("GET", `/api/share/${token}?${query}`, { headers: {} });
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ws = await buildWorkspace(t.services.db);
    ownerId = ws.users.owner.id;
    const demo = await seedDemoWorkspace(t.services, ownerId);
    workspaceId = demo.workspaceId;
    for (const id of demo.mapIds)
      if ((await t.services.maps.readSnapshot(id)).settings.title === DEMO_TITLE) mapId = id;
    await seedDemoEvidence(t.services, workspaceId, { customers: 300 });
  }, 120_000);
  afterAll(() => t.dispose());

  it("gives an export's link the top pains, opportunities, ideas and key numbers, and no customer's data", async () => {
    const body = await shared(await link("export"), "layout=infographic&lang=ru");
    const summary = body.infographic as Infographic;
    expect(summary.pains.length).toBe(3);
    // Most severe first.
    const severities = summary.pains.map((p) => p.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(summary.opportunities.length).toBeGreaterThan(0);
    expect(summary.ideas.length).toBeGreaterThan(0);
    expect(summary.numbers?.customers).toBeGreaterThan(0);
    // The window the numbers stand on travels with them, to be printed beside them: none, the default.
    expect(summary.numbers?.conversionWindowHours).toBe(87_600);
    expect(summary.measuredEmotion.length).toBeGreaterThan(0);
    // Aggregates only: not the metrics (with customers' quotes and paths), not the appendix, not research.
    expect(Object.keys(body)).not.toEqual(expect.arrayContaining(["metrics"]));
    expect(body.appendix).toBeUndefined();
    expect(body.research).toBeUndefined();
    expect(JSON.stringify(summary)).not.toMatch(/customer_|"quotes"|participant/i);
  });

  it("gives a public share link no summary, whatever it asks for", async () => {
    const body = await shared(await link("share"), "layout=infographic");
    expect(body.infographic).toBeUndefined();
    expect(body.metrics).toBeUndefined();
  });

  it("leaves the map's own print view as it was: its metrics and appendix, no summary", async () => {
    const body = await shared(await link("export"), "lang=en");
    expect(body.infographic).toBeUndefined();
    expect(body.appendix).toBeDefined();
  });

  it("refuses a layout it does not know, naming it", async () => {
    const res = await t.request("GET", `/api/share/${await link("export")}?layout=poster`, { headers: {} });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("layout");
  });
});
