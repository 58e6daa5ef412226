import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("personas and touchpoints API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(() => t.dispose());

  it("stores every persona field, including a B2B buying committee and custom fields", async () => {
    const body = {
      name: "Marcus, IT director",
      kind: "b2b",
      demographics: { jobTitle: "Director of IT", companySize: "500–1,000" },
      goals: ["Pass the audit"],
      decisionRole: "decider",
      buyingCommittee: [{ name: "Sanne", title: "CFO", role: "buyer", concerns: ["Cost"] }],
      customFields: [{ key: "budget", label: "Budget cycle", value: "October" }],
      preferredChannels: ["email"],
    };
    const created = await t.request("POST", `/api/workspaces/${ws.id}/personas`, {
      headers: ws.users.editor.headers,
      body,
    });
    expect(created.status).toBe(201);
    const read = await t.request("GET", `/api/workspaces/${ws.id}/personas/${String(created.body.id)}`, {
      headers: ws.users.viewer.headers,
    });
    expect(read.body).toMatchObject(body);
    const patched = await t.request("PATCH", `/api/workspaces/${ws.id}/personas/${String(created.body.id)}`, {
      headers: ws.users.editor.headers,
      body: { quote: "Fewer 3 a.m. calls" },
    });
    expect(patched.body).toMatchObject({ quote: "Fewer 3 a.m. calls", decisionRole: "decider" });
  });

  it("names the bad persona field", async () => {
    const bad = await t.request("POST", `/api/workspaces/${ws.id}/personas`, {
      headers: ws.users.editor.headers,
      body: { name: "X", decisionRole: "boss" },
    });
    expect([bad.status, bad.body.error?.issues[0]?.path]).toEqual([400, "decisionRole"]);
    const created = await t.request("POST", `/api/workspaces/${ws.id}/personas`, {
      headers: ws.users.editor.headers,
      body: { name: "Y" },
    });
    const patch = await t.request("PATCH", `/api/workspaces/${ws.id}/personas/${String(created.body.id)}`, {
      headers: ws.users.editor.headers,
      body: { goals: "not a list" },
    });
    expect([patch.status, patch.body.error?.issues[0]?.path]).toEqual([400, "goals"]);
  });

  it("seeds the channel catalogue in the workspace language and ties touchpoints to a known channel", async () => {
    const channels = await t.request("GET", `/api/workspaces/${ws.id}/channels`, { headers: ws.users.viewer.headers });
    const list = channels.body as unknown as Array<{ id: string; online: boolean }>;
    expect(list.find((c) => c.id === "pos")).toMatchObject({ online: false });
    expect(list.find((c) => c.id === "email")).toMatchObject({ online: true });
    const ok = await t.request("POST", `/api/workspaces/${ws.id}/touchpoints`, {
      headers: ws.users.editor.headers,
      body: {
        name: "Checkout",
        channelId: "website",
        medium: "digital",
        description: "Cart and payment",
        ownerTeam: "E-commerce",
      },
    });
    expect(ok.status).toBe(201);
    const bad = await t.request("POST", `/api/workspaces/${ws.id}/touchpoints`, {
      headers: ws.users.editor.headers,
      body: { name: "Kiosk", channelId: "teleport", medium: "physical" },
    });
    expect([bad.status, bad.body.error?.issues[0]?.path]).toEqual([400, "channelId"]);
    const renamed = await t.request("PATCH", `/api/workspaces/${ws.id}/touchpoints/${String(ok.body.id)}`, {
      headers: ws.users.editor.headers,
      body: { name: "One-page checkout" },
    });
    // Regression: a partial update used to reset the fields it did not mention to their defaults.
    expect(renamed.body).toMatchObject({
      name: "One-page checkout",
      channelId: "website",
      medium: "digital",
      description: "Cart and payment",
      ownerTeam: "E-commerce",
    });
  });
});
