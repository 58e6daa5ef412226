import type { MapSnapshot, PrintTable } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShareLink } from "../../commands/shareLinkCreator.js";
import { seedDemoWorkspace } from "../../demo/seedDemoWorkspace.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("share links on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let demo: { workspaceId: string; mapIds: string[] };
  const editor = () => ({ headers: ws.users.editor.headers });
  const links = (mapId: string) => `/api/workspaces/${demo.workspaceId}/maps/${mapId}/share-links`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    // The demo content lives in the test workspace, so it has personas and touchpoints the link must not leak.
    demo = await seedDemoWorkspace(t.services, ws.users.owner.id);
    for (const role of ["editor", "viewer"] as const) {
      await t.services.db.kysely
        .insertInto("members")
        .values({
          workspace_id: demo.workspaceId,
          user_id: ws.users[role].id,
          role,
          created_at: new Date().toISOString(),
        })
        .execute();
    }
  });
  afterAll(() => t.dispose());

  async function share(mapId: string, body: Record<string, unknown> = {}) {
    const res = await t.request("POST", links(mapId), { ...editor(), body });
    expect(res.status).toBe(201);
    return res.body as { link: { id: string }; token: string; url: string; embedUrl: string };
  }

  it("shows the map without an account: its snapshot, and only the personas, touchpoints and channels it uses", async () => {
    const [mapId, otherMapId] = demo.mapIds as [string, string];
    const { token, url, embedUrl } = await share(mapId, { label: "For the board" });
    expect([url, embedUrl]).toEqual([`/share/${token}`, `/embed/${token}`]);
    const res = await t.request("GET", `/api/share/${token}`, { headers: {} });
    expect(res.status).toBe(200);
    const body = res.body as unknown as {
      map: { id: string; title: string };
      snapshot: MapSnapshot;
      personas: Array<{ id: string }>;
      touchpoints: Array<{ id: string }>;
      channels: Array<{ id: string }>;
    };
    const own = await t.request("GET", `/api/workspaces/${demo.workspaceId}/maps/${mapId}`, editor());
    expect(body.snapshot).toEqual(own.body.snapshot);
    expect(body.personas.map((p) => p.id).sort()).toEqual(
      [...(own.body.snapshot as MapSnapshot).settings.personaIds].sort(),
    );
    const used = new Set(
      (own.body.snapshot as MapSnapshot).cells.flatMap((c) =>
        c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : [])),
      ),
    );
    expect(body.touchpoints.map((x) => x.id).sort()).toEqual([...used].sort());
    const allTouchpoints = await t.services.db.kysely
      .selectFrom("touchpoints")
      .select("id")
      .where("workspace_id", "=", demo.workspaceId)
      .execute();
    expect(allTouchpoints.length).toBeGreaterThan(used.size);
    const other = await t.request("GET", `/api/workspaces/${demo.workspaceId}/maps/${otherMapId}`, editor());
    expect(JSON.stringify(body)).not.toContain((other.body.map as { title: string }).title);
    expect(JSON.stringify(body)).not.toContain(demo.workspaceId);
  });

  it("gives the PDF's appendix (descriptions, ideas, KPIs) in the export's language only to an export's own link", async () => {
    const mapId = demo.mapIds[0]!;
    const [idea] = await t.services.db.kysely
      .selectFrom("ideas")
      .select("title")
      .where("workspace_id", "=", demo.workspaceId)
      .execute();
    const { token: publicToken } = await share(mapId);
    const shared = await t.request("GET", `/api/share/${publicToken}?lang=ru`, { headers: {} });
    expect(shared.status).toBe(200);
    expect([shared.body.appendix, shared.body.metrics]).toEqual([undefined, undefined]);
    const { token } = await createShareLink(t.services.db, {
      workspaceId: demo.workspaceId,
      mapId,
      userId: ws.users.viewer.id,
      purpose: "export",
    });
    const res = await t.request("GET", `/api/share/${token}?lang=ru`, { headers: {} });
    expect(res.status).toBe(200);
    const appendix = res.body.appendix as PrintTable[];
    expect(appendix.map((table) => table.title)).toEqual(["Описания", "Идеи", "KPI"]);
    const ideas = appendix[1]!;
    expect(ideas.rows.some((row) => row[0] === idea?.title)).toBe(true);
    for (const table of appendix) for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
    const bad = await t.request("GET", `/api/share/${token}?lang=xx`, { headers: {} });
    expect(bad.status).toBe(400);
  });

  it("cannot write and opens nothing else: the token is no API credential and there is no write route", async () => {
    const [mapId] = demo.mapIds as [string];
    const { token } = await share(mapId);
    const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    expect(
      (
        await t.request("POST", `/api/workspaces/${demo.workspaceId}/maps/${mapId}/operations`, {
          headers: bearer,
          body: { operations: [{ op: "addStage", name: "Hacked" }] },
        })
      ).status,
    ).toBe(401);
    expect((await t.request("GET", `/api/workspaces/${demo.workspaceId}/maps`, { headers: bearer })).status).toBe(401);
    expect((await t.request("POST", `/api/share/${token}`, { headers: {}, body: { operations: [] } })).status).toBe(
      404,
    );
    expect((await t.request("PATCH", `/api/share/${token}`, { headers: {}, body: { title: "x" } })).status).toBe(404);
    const after = await t.request("GET", `/api/share/${token}`, { headers: {} });
    expect((after.body.snapshot as MapSnapshot).stages.map((s) => s.name)).not.toContain("Hacked");
  });

  it("stops working when revoked, when expired, and when the map is deleted; unknown tokens look the same", async () => {
    const [mapId] = demo.mapIds as [string];
    const revoked = await share(mapId);
    expect((await t.request("DELETE", `${links(mapId)}/${revoked.link.id}`, editor())).status).toBe(200);
    expect((await t.request("GET", `/api/share/${revoked.token}`, { headers: {} })).status).toBe(404);
    expect((await t.request("DELETE", `${links(mapId)}/${revoked.link.id}`, editor())).status).toBe(404);

    const soon = new Date(Date.now() + 3600_000).toISOString();
    const expiring = await share(mapId, { expiresAt: soon });
    expect((await t.request("GET", `/api/share/${expiring.token}`, { headers: {} })).status).toBe(200);
    // Time passes: the expiry is now behind us.
    await t.services.db.kysely
      .updateTable("share_links")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", expiring.link.id)
      .execute();
    expect((await t.request("GET", `/api/share/${expiring.token}`, { headers: {} })).status).toBe(404);
    const listed = (await t.request("GET", links(mapId), editor())).body as unknown as Array<{
      id: string;
      expired: boolean;
    }>;
    expect(listed.find((l) => l.id === expiring.link.id)?.expired).toBe(true);
    expect(listed.some((l) => l.id === revoked.link.id)).toBe(false);

    expect(
      (
        await t.request("POST", links(mapId), {
          ...editor(),
          body: { expiresAt: new Date(Date.now() - 60_000).toISOString() },
        })
      ).status,
    ).toBe(400);
    const unknown = await t.request("GET", "/api/share/cjs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", {
      headers: {},
    });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, "not_found"]);

    const created = await t.request("POST", `/api/workspaces/${demo.workspaceId}/maps`, {
      ...editor(),
      body: { templateId: "ecommerce", locale: "en" },
    });
    const doomed = (created.body.map as { id: string }).id;
    const link = await share(doomed);
    expect((await t.request("DELETE", `/api/workspaces/${demo.workspaceId}/maps/${doomed}`, editor())).status).toBe(
      200,
    );
    expect((await t.request("GET", `/api/share/${link.token}`, { headers: {} })).status).toBe(404);
  });

  it("lets a viewer follow edits cheaply: 304 while the map is unchanged, the new map after an edit", async () => {
    const [mapId] = demo.mapIds as [string];
    const { token } = await share(mapId);
    const first = await t.request("GET", `/api/share/${token}`, { headers: {} });
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect((await t.request("GET", `/api/share/${token}`, { headers: { "if-none-match": etag } })).status).toBe(304);
    await t.request("POST", `/api/workspaces/${demo.workspaceId}/maps/${mapId}/operations`, {
      ...editor(),
      body: { operations: [{ op: "addStage", name: "Loyalty" }] },
    });
    const changed = await t.request("GET", `/api/share/${token}`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect((changed.body.snapshot as MapSnapshot).stages.map((s) => s.name)).toContain("Loyalty");
  });

  it("lets only the embed view be framed by other sites", async () => {
    const embed = await t.app.request("/embed/cjs_x");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    for (const path of ["/", "/share/cjs_x", "/print/cjs_x", "/api/health"]) {
      const res = await t.app.request(path);
      expect([path, res.headers.get("x-frame-options")]).toEqual([path, "DENY"]);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });
});
