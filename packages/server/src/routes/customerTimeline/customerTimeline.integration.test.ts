import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSource, importEvents, ImportMappingSchema, type ImportMappingInput } from "@opencjm/analytics";
import { MAP_DOCUMENT_VERSION, MapSettingsSchema, newId, type ChannelId, type MapSnapshot } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShareLink } from "../../commands/shareLinkCreator.js";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";
import { updateProfile } from "../../store/userStore.js";
import { buildTokenHeaders, buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const touchpointCard = (id: string, touchpointId: string) => ({
  id,
  order: "a0",
  kind: "touchpoint",
  touchpointId,
  note: "",
  evidence: { level: "assumption", refs: [] },
});

/** Sees an ad → compares prices → buys, each step with one touchpoint. */
function shopMap(tp: Record<"ad" | "pricing" | "buy", string>): MapSnapshot {
  return {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title: "Shop", type: "currentState" }),
    stages: [
      { id: "s_aware", name: "Awareness", description: "", order: "a0" },
      { id: "s_buy", name: "Purchase", description: "", order: "a1" },
    ],
    steps: [
      { id: "p_ad", stageId: "s_aware", name: "Sees an ad", description: "", parallel: false, order: "a0" },
      { id: "p_pricing", stageId: "s_aware", name: "Compares prices", description: "", parallel: false, order: "a1" },
      { id: "p_buy", stageId: "s_buy", name: "Buys", description: "", parallel: false, order: "a0" },
    ],
    lanes: [{ id: "l_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" }],
    cells: [
      { laneId: "l_tp", stepId: "p_ad", cards: [touchpointCard("c1", tp.ad)] },
      { laneId: "l_tp", stepId: "p_pricing", cards: [touchpointCard("c2", tp.pricing)] },
      { laneId: "l_tp", stepId: "p_buy", cards: [touchpointCard("c3", tp.buy)] },
    ],
    emotions: [],
  } as unknown as MapSnapshot;
}

// Lena is a cookie on the web, an e-mail in the CRM and a phone number in support: one customer after stitching.
// Ben and Dan leave after the ad (Dan jumps to checkout, skipping the prices), Cleo goes all the way.
const WEB = `cookie,email,ts,event,channel
ck-1,,2024-05-01T10:00:00Z,ad_click,web
ck-1,lena@example.org,2024-05-01T10:10:00Z,pricing_view,web
ck-2,,2024-05-01T12:00:00Z,ad_click,web
ck-3,cleo@example.org,2024-05-01T13:00:00Z,ad_click,web
ck-3,,2024-05-01T13:05:00Z,pricing_view,web
ck-3,,2024-05-01T13:20:00Z,order,web
ck-4,,2024-05-01T14:00:00Z,ad_click,web
ck-4,,2024-05-01T14:30:00Z,order,web
`;
const CRM = `crm_id,email,phone,ts,event,plan
,Lena@Example.org,+49 30 555 0101,2024-05-01T11:00:00Z,crm_signup,gold
5550123456,eve@example.org,,2024-05-01T11:30:00Z,crm_signup,free
,frank@example.org,555-012-3456,2024-05-01T11:40:00Z,crm_signup,free
`;
const SUPPORT = `phone,ts,event,csat,comment
+49 (30) 555-0101,2024-05-02T09:00:00Z,support_call,2,"The checkout kept failing <script>alert(1)</script>"
`;

describe.each(testDialects)("customer timeline API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let base: string;

  async function importCsv(name: string, kind: "web" | "crm" | "support", csv: string, mapping: ImportMappingInput) {
    const db = await t.services.analytics.open(ws.id);
    const source = await createSource(db.connection, { name, kind, mapping: ImportMappingSchema.parse(mapping) });
    const path = join(t.services.config.dataDir, `${newId()}.csv`);
    writeFileSync(path, csv);
    await importEvents(db, { path, fileName: `${kind}.csv`, source: { sourceId: source.sourceId } });
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
    const touchpoint = (name: string) =>
      createTouchpoint(t.services.db, ws.id, {
        name,
        channelId: "website" as ChannelId,
        medium: "digital",
        description: "",
        ownerTeam: "",
      }).then((x) => x.id);
    const tp = {
      ad: await touchpoint("Ad"),
      pricing: await touchpoint("Pricing page"),
      buy: await touchpoint("Checkout"),
    };
    mapId = (await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot: shopMap(tp) }))
      .id;
    for (const [touchpointId, eventName] of [
      [tp.ad, "ad_click"],
      [tp.pricing, "pricing_view"],
      [tp.buy, "order"],
    ] as const)
      await createTouchpointRule(t.services.db, ws.id, { touchpointId, eventNames: [eventName], conditions: [] });
    await importCsv("Web shop", "web", WEB, {
      columns: {
        cookie: { role: "identifier", kind: "cookie" },
        email: { role: "identifier", kind: "email" },
        ts: { role: "timestamp" },
        event: { role: "event" },
        channel: { role: "channel" },
      },
    });
    await importCsv("CRM", "crm", CRM, {
      columns: {
        crm_id: { role: "identifier", kind: "customerId" },
        email: { role: "identifier", kind: "email" },
        phone: { role: "identifier", kind: "phone" },
        ts: { role: "timestamp" },
        event: { role: "event" },
        plan: { role: "attribute" },
      },
    });
    await importCsv("Support", "support", SUPPORT, {
      columns: {
        phone: { role: "identifier", kind: "phone" },
        ts: { role: "timestamp" },
        event: { role: "event" },
        csat: { role: "score", kind: "csat" },
        comment: { role: "text" },
      },
    });
  });
  afterAll(() => t.dispose());

  it("finds a customer by a phone number written any way and shows every source's events in time order, why they are one person and how far along the map they got", async () => {
    const res = await t.request(
      "GET",
      `${base}/customers/timeline?identifier=${encodeURIComponent("+49 30 555-0101")}&mapId=${mapId}`,
      { headers: ws.users.editor.headers },
    );
    expect(res.status).toBe(200);
    expect(res.body.identifiers).toEqual([
      { kind: "cookie", value: "ck-1" },
      { kind: "email", value: "lena@example.org" },
      { kind: "phone", value: "49305550101" },
    ]);
    expect((res.body.mergeLog as Array<{ reason: string }>).map((m) => m.reason)).toEqual([
      'row 2 of web.csv (source "Web shop") has both cookie "ck-1" and email "lena@example.org"',
      'row 1 of crm.csv (source "CRM") has both email "lena@example.org" and phone "49305550101"',
    ]);
    expect(res.body.attributes).toEqual({ plan: "gold" });
    expect(res.body.eventCount).toBe(4);
    expect(
      (res.body.events as Array<Record<string, unknown>>).map((e) => [e.at, e.sourceName, e.eventName, e.row]),
    ).toEqual([
      ["2024-05-01T10:00:00.000Z", "Web shop", "ad_click", 1],
      ["2024-05-01T10:10:00.000Z", "Web shop", "pricing_view", 2],
      ["2024-05-01T11:00:00.000Z", "CRM", "crm_signup", 1],
      ["2024-05-02T09:00:00.000Z", "Support", "support_call", 1],
    ]);
    // Their own words come back as the text they wrote, markup and all, for the client to show as text.
    expect((res.body.events as Array<Record<string, unknown>>)[3]).toMatchObject({
      score: 2,
      scoreKind: "csat",
      text: "The checkout kept failing <script>alert(1)</script>",
    });
    expect(res.body.map).toMatchObject({
      mapId,
      title: "Shop",
      conversionWindowHours: 87_600,
      steps: [
        { stepId: "p_ad", status: "reached", firstAt: "2024-05-01T10:00:00.000Z", wentOn: true },
        { stepId: "p_pricing", status: "reached", firstAt: "2024-05-01T10:10:00.000Z", wentOn: false },
        { stepId: "p_buy", status: "notReached", firstAt: null, wentOn: null },
      ],
    });
  });

  it("marks the step a customer jumped over as skipped", async () => {
    const res = await t.request("GET", `${base}/customers/timeline?identifier=ck-4&kind=cookie&mapId=${mapId}`, {
      headers: ws.users.owner.headers,
    });
    expect(res.status).toBe(200);
    expect((res.body.map as { steps: Array<{ status: string }> }).steps.map((s) => s.status)).toEqual([
      "reached",
      "skipped",
      "reached",
    ]);
  });

  it("lists the customers who left a step, as many as the map's drop-off says, each leading to their timeline", async () => {
    const metrics = await t.request("POST", `${base}/maps/${mapId}/metrics`, {
      headers: ws.users.editor.headers,
      body: {},
    });
    const dropOff = (stepId: string) =>
      (metrics.body.steps as Array<{ stepId: string; conversion: { dropOff: number } }>).find(
        (s) => s.stepId === stepId,
      )!.conversion.dropOff;
    const atAd = await t.request("POST", `${base}/maps/${mapId}/steps/p_ad/customers-who-left`, {
      headers: ws.users.editor.headers,
      body: {},
    });
    expect(atAd.status).toBe(200);
    expect(atAd.body).toMatchObject({ stepName: "Sees an ad", left: dropOff("p_ad") });
    expect(atAd.body.left).toBe(2);
    expect((atAd.body.customers as Array<{ identifier: unknown }>).map((c) => c.identifier)).toEqual([
      { kind: "cookie", value: "ck-2" },
      { kind: "cookie", value: "ck-4" },
    ]);
    const atPricing = await t.request("POST", `${base}/maps/${mapId}/steps/p_pricing/customers-who-left`, {
      headers: ws.users.editor.headers,
      body: { limit: 5 },
    });
    expect(atPricing.body).toEqual({
      stepId: "p_pricing",
      stepName: "Compares prices",
      left: dropOff("p_pricing"),
      conversionWindowHours: 87_600,
      customers: [{ identifier: { kind: "email", value: "lena@example.org" }, reachedAt: "2024-05-01T10:10:00.000Z" }],
    });
    // Under a six-minute window Lena, who compared prices ten minutes after the ad, left at the ad: the answer says
    // which window it was judged with, and agrees with the map's numbers under the same window.
    const options = { conversionWindowHours: 0.1 };
    const windowedMetrics = await t.request("POST", `${base}/maps/${mapId}/metrics`, {
      headers: ws.users.editor.headers,
      body: { options },
    });
    const windowedAd = await t.request("POST", `${base}/maps/${mapId}/steps/p_ad/customers-who-left`, {
      headers: ws.users.editor.headers,
      body: { options },
    });
    expect(windowedAd.body).toMatchObject({
      conversionWindowHours: 0.1,
      left: (windowedMetrics.body.steps as Array<{ stepId: string; conversion: { dropOff: number } }>).find(
        (s) => s.stepId === "p_ad",
      )!.conversion.dropOff,
    });
    expect(windowedAd.body.customers).toContainEqual(
      expect.objectContaining({ identifier: { kind: "email", value: "lena@example.org" } }),
    );
    const windowedTimeline = await t.request(
      "GET",
      `${base}/customers/timeline?identifier=lena%40example.org&kind=email&mapId=${mapId}&windowHours=0.1`,
      { headers: ws.users.editor.headers },
    );
    expect(windowedTimeline.body.map).toMatchObject({
      conversionWindowHours: 0.1,
      steps: [{ stepId: "p_ad", wentOn: false }, { stepId: "p_pricing" }, { stepId: "p_buy" }],
    });
    const timeline = await t.request("GET", `${base}/customers/timeline?identifier=lena%40example.org&kind=email`, {
      headers: ws.users.editor.headers,
    });
    expect(timeline.body.identifiers).toContainEqual({ kind: "phone", value: "49305550101" });
    expect(timeline.body.map).toBeNull();

    const unknownStep = await t.request("POST", `${base}/maps/${mapId}/steps/p_nowhere/customers-who-left`, {
      headers: ws.users.editor.headers,
      body: {},
    });
    expect([unknownStep.status, unknownStep.body.error?.message]).toEqual([404, "step not found"]);
  });

  it("refuses viewers and commenters personal data, in their language, while an editor's read-only token may read it", async () => {
    const path = `${base}/customers/timeline?identifier=ck-1`;
    for (const role of ["viewer", "commenter"] as const) {
      const res = await t.request("GET", path, { headers: ws.users[role].headers });
      expect([res.status, res.body.error?.message]).toEqual([
        403,
        `the ${role} role cannot see customers' personal data; owners and editors can`,
      ]);
      expect(JSON.stringify(res.body)).not.toContain("lena");
    }
    await updateProfile(t.services.db, ws.users.viewer.id, { locale: "ru" });
    const russian = await t.request("GET", path, { headers: ws.users.viewer.headers });
    expect(russian.body.error?.message).toBe(
      "роль viewer не даёт права видеть персональные данные клиентов; это могут владельцы и редакторы",
    );
    const whoLeft = await t.request("POST", `${base}/maps/${mapId}/steps/p_ad/customers-who-left`, {
      headers: ws.users.viewer.headers,
      body: {},
    });
    expect(whoLeft.status).toBe(403);
    const readToken = await buildTokenHeaders(t.services.db, ws.users.editor.id, "read");
    expect((await t.request("GET", path, { headers: readToken })).status).toBe(200);
  });

  it("never gives personal data through a share link: the shared map has none, and its token opens no timeline", async () => {
    const { token } = await createShareLink(t.services.db, { workspaceId: ws.id, mapId, userId: ws.users.owner.id });
    const shared = await t.request("GET", `/api/share/${token}`);
    expect(shared.status).toBe(200);
    const text = JSON.stringify(shared.body);
    for (const personal of ["lena@example.org", "ck-1", "49305550101", "checkout kept failing"])
      expect(text).not.toContain(personal);
    const asBearer = await t.request("GET", `${base}/customers/timeline?identifier=ck-1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asBearer.status).toBe(401);
  });

  it("answers an unknown, an ambiguous and an oversized identifier with a clear error and keeps serving", async () => {
    const headers = ws.users.editor.headers;
    const unknown = await t.request("GET", `${base}/customers/timeline?identifier=nobody%40example.org`, { headers });
    expect([unknown.status, unknown.body.error?.message]).toEqual([404, "customer with this identifier not found"]);
    // "5550123456" is Eve's CRM id and Frank's phone number.
    const ambiguous = await t.request("GET", `${base}/customers/timeline?identifier=5550123456`, { headers });
    expect([ambiguous.status, ambiguous.body.error?.code, ambiguous.body.error?.message]).toEqual([
      400,
      "ambiguous_identifier",
      'kind: "5550123456" names different customers as customerId, phone; give its kind',
    ]);
    const byPhone = await t.request("GET", `${base}/customers/timeline?identifier=5550123456&kind=phone`, { headers });
    expect(byPhone.body.identifiers).toContainEqual({ kind: "email", value: "frank@example.org" });
    const huge = await t.request("GET", `${base}/customers/timeline?identifier=${"x".repeat(600)}`, { headers });
    expect(huge.status).toBe(400);
    const otherMap = await t.request("GET", `${base}/customers/timeline?identifier=ck-1&mapId=map_missing`, {
      headers,
    });
    expect(otherMap.status).toBe(404);
    expect((await t.request("GET", `${base}/customers/timeline?identifier=ck-2`, { headers })).status).toBe(200);
  });
});
