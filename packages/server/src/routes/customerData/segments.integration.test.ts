import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPersona } from "../../commands/personaCreator.js";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";

/** Eight customers with events; 0–4 in Germany (0–1 on the pro plan), 5–6 in Iran, 7 without attributes. */
async function seedEvents(t: TestApp, workspaceId: string): Promise<void> {
  const { connection } = await t.services.analytics.open(workspaceId);
  const rows = Array.from(
    { length: 8 },
    (_, c) =>
      `('i', 's', ${c + 1}, ${c + 1}, ${c}, TIMESTAMP '2024-05-0${c + 1} 09:00:00', '${c % 2 ? "ticket_opened" : "page_view"}', '${c % 2 ? "phone" : "web"}', NULL, NULL, NULL, '{"page":"/"}'::JSON)`,
  );
  await connection.run(`INSERT INTO events VALUES ${rows.join(",")}`);
  const customers = Array.from(
    { length: 7 },
    (_, c) =>
      `(${c}, '${JSON.stringify(c < 5 ? { country: "DE", plan: c < 2 ? "pro" : "free" } : { country: "IR" })}'::JSON)`,
  );
  await connection.run(`INSERT INTO customers VALUES ${customers.join(",")}`);
}

describe.each(testDialects)("segment size and data facets API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  const base = () => `/api/workspaces/${ws.id}`;

  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    await seedEvents(t, ws.id);
  });
  afterEach(() => t.dispose());

  it("counts a segment rule's customers and their share, for a rule or a persona's saved segment", async () => {
    const viewer = ws.users.viewer.headers;
    const germany = { match: "all", conditions: [{ attribute: "country", operator: "eq", value: "DE" }] };
    expect(
      (await t.request("POST", `${base()}/segments/size`, { headers: viewer, body: { segment: germany } })).body,
    ).toEqual({ customers: 5, total: 8, share: 5 / 8 });
    const persona = await createPersona(t.services.db, ws.id, {
      name: "Pro users in Germany",
      segment: {
        match: "all",
        conditions: [...germany.conditions, { attribute: "plan", operator: "eq", value: "pro" }],
      } as never,
    });
    expect(
      (await t.request("POST", `${base()}/segments/size`, { headers: viewer, body: { personaId: persona.id } })).body,
    ).toEqual({ customers: 2, total: 8, share: 0.25 });
  });

  it("names the problem: both or neither given, a bad operator, a persona without a segment or from elsewhere", async () => {
    const viewer = ws.users.viewer.headers;
    const plain = await createPersona(t.services.db, ws.id, { name: "No segment" });
    const cases: Array<[unknown, number, string, string?]> = [
      [{}, 400, "segment"],
      [{ segment: { match: "all", conditions: [] }, personaId: plain.id }, 400, "segment"],
      [
        { segment: { match: "all", conditions: [{ attribute: "x", operator: "like", value: "y" }] } },
        400,
        "segment.conditions.0.operator",
      ],
      [{ personaId: plain.id }, 400, "personaId", "persona_without_segment"],
      [{ personaId: "pe_elsewhere" }, 400, "personaId"],
    ];
    for (const [body, status, path, code] of cases) {
      const res = await t.request("POST", `${base()}/segments/size`, { headers: viewer, body });
      expect([res.status, res.body.error?.issues[0]?.path], JSON.stringify(body)).toEqual([status, path]);
      if (code) expect(res.body.error?.code).toBe(code);
    }
  });

  it("lists channels, event names, properties and attributes of the data", async () => {
    const res = await t.request("GET", `${base()}/data/facets`, { headers: ws.users.editor.headers });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totalEvents: 8,
      totalCustomers: 8,
      firstEventAt: "2024-05-01T09:00:00Z",
      lastEventAt: "2024-05-08T09:00:00Z",
    });
    expect(res.body.channels).toEqual([
      { channel: "phone", events: 4, customers: 4 },
      { channel: "web", events: 4, customers: 4 },
    ]);
    expect(res.body.properties).toEqual([{ name: "page", events: 8 }]);
    expect(res.body.attributes).toContainEqual({
      name: "country",
      customers: 7,
      values: [
        { value: "DE", customers: 5 },
        { value: "IR", customers: 2 },
      ],
    });
  });

  it("shows viewers and commenters each attribute and its count but none of its values, which are personal data", async () => {
    for (const role of ["viewer", "commenter"] as const) {
      const res = await t.request("GET", `${base()}/data/facets`, { headers: ws.users[role].headers });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ totalCustomers: 8, properties: [{ name: "page", events: 8 }] });
      expect(res.body.attributes).toContainEqual({ name: "country", customers: 7, values: [] });
      expect(JSON.stringify(res.body.attributes)).not.toContain("DE");
    }
  });

  it("lists the events no touchpoint rule takes yet", async () => {
    const before = await t.request("GET", `${base()}/data/unmapped`, { headers: ws.users.viewer.headers });
    expect(before.body).toMatchObject({ events: 8, distinct: 2 });
    const touchpoint = await createTouchpoint(t.services.db, ws.id, {
      name: "Home page",
      channelId: "website" as never,
      medium: "digital",
      description: "",
      ownerTeam: "",
    });
    await createTouchpointRule(t.services.db, ws.id, {
      touchpointId: touchpoint.id,
      eventNames: ["page_view"],
      conditions: [],
    });
    const after = await t.request("GET", `${base()}/data/unmapped`, { headers: ws.users.viewer.headers });
    expect(after.body).toEqual({
      events: 4,
      customers: 4,
      distinct: 1,
      items: [{ eventName: "ticket_opened", channel: "phone", events: 4, customers: 4 }],
    });
  });

  it("refuses outsiders", async () => {
    expect((await t.request("GET", `${base()}/data/facets`, { headers: ws.outsider.headers })).status).toBe(404);
  });
});
