import { insertTestEvents } from "@opencjm/analytics/testing";
import type { ChannelId } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("touchpoint rules API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let touchpointId: string;
  const base = () => `/api/workspaces/${ws.id}/touchpoint-rules`;

  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    touchpointId = (
      await createTouchpoint(t.services.db, ws.id, {
        name: "Pricing page",
        channelId: "website" as ChannelId,
        medium: "digital",
        description: "",
        ownerTeam: "",
      })
    ).id;
  });
  afterEach(() => t.dispose());

  it("creates, lists in order, moves, changes and deletes rules", async () => {
    const editor = ws.users.editor.headers;
    const first = await t.request("POST", base(), {
      headers: editor,
      body: { touchpointId, eventNames: ["pricing_view"] },
    });
    const second = await t.request("POST", base(), {
      headers: editor,
      body: {
        touchpointId,
        pattern: "price_*",
        channel: "web",
        conditions: [{ property: "plan", operator: "in", value: ["pro", "team"] }],
      },
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toMatchObject({
      pattern: "price_*",
      channel: "web",
      eventNames: [],
      conditions: [{ property: "plan", operator: "in", value: ["pro", "team"] }],
    });
    const ids = () =>
      t
        .request("GET", base(), { headers: ws.users.viewer.headers })
        .then((r) => (r.body as unknown as Array<{ id: string }>).map((x) => x.id));
    expect(await ids()).toEqual([first.body.id, second.body.id]);
    const moved = await t.request("PATCH", `${base()}/${String(second.body.id)}`, {
      headers: editor,
      body: { position: { before: first.body.id }, channel: null },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.channel).toBeUndefined();
    expect(await ids()).toEqual([second.body.id, first.body.id]);
    const removed = await t.request("DELETE", `${base()}/${String(first.body.id)}`, { headers: editor });
    expect(removed.status).toBe(200);
    expect(await ids()).toEqual([second.body.id]);
    expect((await t.request("GET", `${base()}/${String(first.body.id)}`, { headers: editor })).status).toBe(404);
  });

  it("names the bad field: no names, a touchpoint of another workspace, a malformed condition, an empty patch result", async () => {
    const editor = ws.users.editor.headers;
    const cases: Array<[unknown, string]> = [
      [{ touchpointId }, "eventNames"],
      [{ touchpointId: "tp_elsewhere", eventNames: ["x"] }, "touchpointId"],
      [
        { touchpointId, eventNames: ["x"], conditions: [{ property: "amount", operator: "gt", value: "lots" }] },
        "conditions.0.value",
      ],
      [
        { touchpointId, eventNames: ["x"], conditions: [{ property: 'a"b', operator: "exists" }] },
        "conditions.0.property",
      ],
      [{ touchpointId, eventNames: ["x"], extra: true }, "body"],
    ];
    for (const [body, path] of cases) {
      const res = await t.request("POST", base(), { headers: editor, body });
      expect([res.status, res.body.error?.issues[0]?.path ?? ""], JSON.stringify(body)).toEqual([400, path]);
    }
    const rule = await t.request("POST", base(), { headers: editor, body: { touchpointId, pattern: "p*" } });
    const emptied = await t.request("PATCH", `${base()}/${String(rule.body.id)}`, {
      headers: editor,
      body: { pattern: null },
    });
    expect([emptied.status, emptied.body.error?.issues[0]?.path]).toEqual([400, "eventNames"]);
    const badMove = await t.request("PATCH", `${base()}/${String(rule.body.id)}`, {
      headers: editor,
      body: { position: { after: "tr_missing" } },
    });
    expect([badMove.status, badMove.body.error?.issues[0]?.path]).toEqual([400, "position"]);
  });

  it("previews how many events and customers a rule matches, live from the workspace's events", async () => {
    const db = await t.services.analytics.open(ws.id);
    await insertTestEvents(db, [
      { customer: 0, at: "2024-01-01T00:00:00Z", name: "price_view", channel: "web", properties: { plan: "pro" } },
      { customer: 0, at: "2024-01-01T00:01:00Z", name: "price_compare", channel: "web", properties: { plan: "free" } },
      { customer: 1, at: "2024-01-01T00:00:00Z", name: "price_view", channel: "app", properties: { plan: "team" } },
      { customer: 2, at: "2024-01-01T00:00:00Z", name: "home", channel: "web" },
    ]);
    const preview = await t.request("POST", `${base()}/preview`, {
      headers: ws.users.viewer.headers,
      body: { pattern: "price_*", conditions: [{ property: "plan", operator: "in", value: ["pro", "team"] }] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      events: 2,
      customers: 2,
      totalEvents: 4,
      totalCustomers: 3,
      examples: [
        { eventName: "price_view", channel: "app", events: 1 },
        { eventName: "price_view", channel: "web", events: 1 },
      ],
    });
    const web = await t.request("POST", `${base()}/preview`, {
      headers: ws.users.viewer.headers,
      body: { pattern: "price_*", channel: "web" },
    });
    expect([web.body.events, web.body.customers]).toEqual([2, 1]);
  });

  it("deletes a touchpoint's rules with the touchpoint", async () => {
    await t.request("POST", base(), { headers: ws.users.editor.headers, body: { touchpointId, eventNames: ["a"] } });
    const del = await t.request("DELETE", `/api/workspaces/${ws.id}/touchpoints/${touchpointId}`, {
      headers: ws.users.editor.headers,
    });
    expect(del.status).toBe(200);
    expect((await t.request("GET", base(), { headers: ws.users.viewer.headers })).body).toEqual([]);
  });
});
