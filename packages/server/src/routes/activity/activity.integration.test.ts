import { createSource, ImportMappingSchema } from "@opencjm/analytics";
import { ActivityListSchema, NotificationListSchema, type ActivityAction } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildUser, buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const W = "/api/workspaces";

describe.each(testDialects)("the activity log on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(() => t.dispose());

  const activity = async (query = "", headers = ws.users.viewer.headers) => {
    const res = await t.request("GET", `${W}/${ws.id}/activity${query}`, { headers });
    expect(res.status).toBe(200);
    return ActivityListSchema.parse(res.body);
  };
  const createMap = async (title: string, headers = ws.users.editor.headers) => {
    const res = await t.request("POST", `${W}/${ws.id}/maps`, { headers, body: { templateId: "ecommerce", title } });
    expect(res.status).toBe(201);
    return (res.body.map as { id: string }).id;
  };

  it("records who created, renamed, shared, unshared and deleted a map, newest first", async () => {
    const { editor } = ws.users;
    const mapId = await createMap("Checkout");
    const rename = await t.request("PATCH", `${W}/${ws.id}/maps/${mapId}/settings`, {
      headers: editor.headers,
      body: { title: "Checkout 2" },
    });
    expect(rename.status).toBe(200);
    const link = await t.request("POST", `${W}/${ws.id}/maps/${mapId}/share-links`, {
      headers: editor.headers,
      body: { label: "Board" },
    });
    const linkId = (link.body.link as { id: string }).id;
    await t.request("DELETE", `${W}/${ws.id}/maps/${mapId}/share-links/${linkId}`, { headers: editor.headers });
    await t.request("DELETE", `${W}/${ws.id}/maps/${mapId}`, { headers: editor.headers });
    const { entries } = await activity();
    expect(entries.map((e) => [e.action, e.mapId, e.actorName])).toEqual([
      ["map.deleted", mapId, "editor user"],
      ["share_link.revoked", mapId, "editor user"],
      ["share_link.created", mapId, "editor user"],
      ["map.renamed", mapId, "editor user"],
      ["map.created", mapId, "editor user"],
    ]);
    expect(entries[0]?.data.title).toBe("Checkout 2");
    expect(entries[3]?.data).toEqual({ title: "Checkout 2", previousTitle: "Checkout" });
    // The deleted map's history stays reachable through the workspace's log.
    expect((await activity(`?mapId=${mapId}`)).entries).toHaveLength(5);
  });

  it("records members invited, joining, changing role, handed ownership, removed and leaving", async () => {
    const { owner, viewer, commenter } = ws.users;
    const invitee = await buildUser(t.services.db, { name: "Invitee" });
    const token = String(
      (
        await t.request("POST", `${W}/${ws.id}/invitations`, {
          headers: owner.headers,
          body: { email: invitee.email, role: "viewer" },
        })
      ).body.token,
    );
    await t.request("POST", "/api/invitations/accept", { headers: invitee.headers, body: { token } });
    await t.request("PATCH", `${W}/${ws.id}/members/${viewer.id}`, {
      headers: owner.headers,
      body: { role: "editor" },
    });
    await t.request("DELETE", `${W}/${ws.id}/members/${commenter.id}`, { headers: owner.headers });
    await t.request("DELETE", `${W}/${ws.id}/members/${invitee.id}`, { headers: invitee.headers });
    await t.request("POST", `${W}/${ws.id}/ownership`, { headers: owner.headers, body: { userId: viewer.id } });
    const actions = (await activity()).entries.map((e) => [e.action, e.actorName, e.data.name ?? e.data.email]);
    expect(actions).toEqual([
      ["ownership.transferred", "owner user", "viewer user"],
      ["member.left", "Invitee", "Invitee"],
      ["member.removed", "owner user", "commenter user"],
      ["member.role_changed", "owner user", "viewer user"],
      ["member.joined", "Invitee", "Invitee"],
      ["member.invited", "owner user", invitee.email],
    ]);
  });

  it("records a finished event import and tells its starter, who is told of a failed one too", async () => {
    const { editor } = ws.users;
    const source = await createSource((await t.services.analytics.open(ws.id)).connection, {
      name: "Shop",
      kind: "web",
      mapping: ImportMappingSchema.parse({
        columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" }, event: { role: "event" } },
      }),
    });
    const upload = (csv: string) =>
      t.app.request(`${W}/${ws.id}/sources/${source.sourceId}/imports?fileName=events.csv&wait=true`, {
        method: "POST",
        headers: { ...editor.headers, "content-type": "text/csv" },
        body: csv,
      });
    expect((await upload("email,ts,event\na@example.test,2024-01-01T10:00:00Z,Visit\n")).status).toBe(200);
    expect((await upload("email,ts,event\na@example.test,not a date,Visit\n")).status).not.toBe(200);
    const { entries } = await activity();
    expect(entries.map((e) => [e.action, e.actorName, e.data.fileName, e.data.eventsStored])).toEqual([
      ["data.imported", "editor user", "events.csv", 1],
    ]);
    const inbox = NotificationListSchema.parse(
      (await t.request("GET", "/api/notifications", { headers: editor.headers })).body,
    );
    expect(inbox.notifications.map((n) => [n.kind, n.data.status, n.actorId])).toEqual([
      ["import", "failed", null],
      ["import", "done", null],
    ]);
  });

  it("filters by map and by person, pages without gaps, and lists one map's activity", async () => {
    const first = await createMap("First", ws.users.editor.headers);
    const second = await createMap("Second", ws.users.owner.headers);
    for (const title of ["A", "B", "C"]) {
      await t.request("PATCH", `${W}/${ws.id}/maps/${first}/settings`, {
        headers: ws.users.owner.headers,
        body: { title },
      });
    }
    const byMap = await activity(`?mapId=${first}`);
    expect(byMap.entries.map((e) => e.action)).toEqual<ActivityAction[]>([
      "map.renamed",
      "map.renamed",
      "map.renamed",
      "map.created",
    ]);
    const byPerson = await activity(`?actorId=${ws.users.owner.id}`);
    expect(byPerson.entries.map((e) => e.mapId)).toEqual([first, first, first, second]);
    const perMap = await t.request("GET", `${W}/${ws.id}/maps/${second}/activity`, {
      headers: ws.users.viewer.headers,
    });
    expect(ActivityListSchema.parse(perMap.body).entries.map((e) => e.action)).toEqual(["map.created"]);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await activity(`?limit=2${cursor ? `&before=${cursor}` : ""}`);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    }
    expect([seen.length, new Set(seen).size]).toEqual([5, 5]);
  });

  it("does not show another workspace's activity, even with its map id", async () => {
    const mapId = await createMap("Mine");
    const res = await t.request("GET", `${W}/${ws.id}/activity?mapId=${mapId}`, { headers: ws.outsider.headers });
    expect(res.status).toBe(404);
    const other = await buildWorkspace(t.services.db);
    const foreign = await t.request("GET", `${W}/${other.id}/maps/${mapId}/activity`, {
      headers: other.users.owner.headers,
    });
    expect(foreign.status).toBe(404);
    const filtered = await t.request("GET", `${W}/${other.id}/activity?mapId=${mapId}`, {
      headers: other.users.owner.headers,
    });
    expect(ActivityListSchema.parse(filtered.body).entries).toEqual([]);
  });
});
