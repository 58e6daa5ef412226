import type { MapHistory, MapRestored, MapSnapshot, MapVersion, MapVersionDiff } from "@opencjm/core";
import { MapHistorySchema, MapRestoredSchema, MapVersionDiffSchema, MapVersionWithSnapshotSchema } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShareLink } from "../../commands/shareLinkCreator.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const template = (title: string): MapSnapshot =>
  ({
    version: 1,
    settings: { title, type: "currentState" },
    stages: [{ id: "st1", name: "Discover", order: "a0" }],
    steps: [
      { id: "p1", stageId: "st1", name: "Sees an ad", order: "a0" },
      { id: "p2", stageId: "st1", name: "Reads reviews", order: "a1" },
    ],
    lanes: [{ id: "l1", type: "actions", name: "Actions", order: "a0" }],
    cells: [],
    emotions: [],
  }) as unknown as MapSnapshot;

const versionsOf = (history: MapHistory): MapVersion[] => history.sessions.flatMap((s) => s.versions);

describe.each(testDialects)("version history on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  const maps = () => `/api/workspaces/${ws.id}/maps`;

  beforeAll(async () => {
    t = await createTestApp(dialect, { checkpointPauseMs: 3_600_000, checkpointEveryMs: 3_600_000 });
    ws = await buildWorkspace(t.services.db);
  });
  afterAll(async () => {
    await t.services.maps.history.close();
    await t.dispose();
  });

  async function newMap(title = "History map"): Promise<string> {
    const res = await t.request("POST", maps(), {
      headers: ws.users.editor.headers,
      body: { snapshot: template(title) },
    });
    expect(res.status).toBe(201);
    return (res.body as { map: { id: string } }).map.id;
  }
  const edit = async (mapId: string, operations: unknown[], as = ws.users.editor) => {
    const res = await t.request("POST", `${maps()}/${mapId}/operations`, { headers: as.headers, body: { operations } });
    expect(res.status).toBe(200);
  };
  const history = async (mapId: string) => {
    const res = await t.request("GET", `${maps()}/${mapId}/versions`, { headers: ws.users.viewer.headers });
    expect(res.status).toBe(200);
    return MapHistorySchema.parse(res.body);
  };
  const current = async (mapId: string) =>
    (await t.request("GET", `${maps()}/${mapId}`, { headers: ws.users.viewer.headers })).body.snapshot as MapSnapshot;
  const nameVersion = async (mapId: string, name: string) => {
    const res = await t.request("POST", `${maps()}/${mapId}/versions`, {
      headers: ws.users.editor.headers,
      body: { name },
    });
    expect(res.status).toBe(201);
    return res.body as unknown as MapVersion;
  };
  const restore = async (mapId: string, versionId: string) => {
    const res = await t.request("POST", `${maps()}/${mapId}/versions/${versionId}/restore`, {
      headers: ws.users.editor.headers,
    });
    expect(res.status).toBe(200);
    return MapRestoredSchema.parse(res.body) as MapRestored;
  };

  it("starts with the version the map was created as, and checkpoints only after edits", async () => {
    const mapId = await newMap();
    expect(versionsOf(await history(mapId)).map((v) => v.kind)).toEqual(["created"]);
    expect(await t.services.maps.history.checkpoint(mapId)).toBeUndefined();
    await edit(mapId, [{ op: "updateStep", stepId: "p1", name: "Sees a poster" }]);
    const checkpoint = await t.services.maps.history.checkpoint(mapId);
    expect(checkpoint?.kind).toBe("auto");
    expect(checkpoint?.authors.map((a) => a.userId)).toEqual([ws.users.editor.id]);
    // Nothing changed since: no second checkpoint.
    expect(await t.services.maps.history.checkpoint(mapId)).toBeUndefined();
    const versions = versionsOf(await history(mapId));
    expect(versions.map((v) => v.kind)).toEqual(["auto", "created"]);
    expect(versions[0]!.authors).toEqual([
      expect.objectContaining({ userId: ws.users.editor.id, name: "editor user" }),
    ]);
  });

  it("takes a checkpoint by itself after a pause in editing", async () => {
    const quick = await createTestApp(dialect, { checkpointPauseMs: 50, checkpointEveryMs: 60_000 });
    try {
      const owner = await buildWorkspace(quick.services.db);
      const { id: mapId } = await quick.services.maps.create({
        workspaceId: owner.id,
        createdBy: owner.users.owner.id,
        snapshot: template("Paused"),
      });
      const res = await quick.request("POST", `/api/workspaces/${owner.id}/maps/${mapId}/operations`, {
        headers: owner.users.editor.headers,
        body: { operations: [{ op: "updateStep", stepId: "p2", name: "Compares prices" }] },
      });
      expect(res.status).toBe(200);
      await expect
        .poll(
          async () =>
            (
              await quick.services.db.kysely
                .selectFrom("map_versions")
                .select("kind")
                .where("map_id", "=", mapId)
                .execute()
            )
              .map((r) => r.kind)
              .sort(),
          { timeout: 10_000 },
        )
        .toEqual(["auto", "created"]);
    } finally {
      await quick.services.maps.history.close();
      await quick.dispose();
    }
  });

  it("names a version, opens it read-only, diffs it with a later one and restores it (and the restore away)", async () => {
    const mapId = await newMap("Workshop map");
    const named = await nameVersion(mapId, "Before the workshop");
    expect(named).toMatchObject({
      kind: "named",
      name: "Before the workshop",
      createdBy: { userId: ws.users.editor.id },
    });
    const before = await current(mapId);
    await edit(mapId, [
      { op: "updateStep", stepId: "p1", name: "Sees a billboard" },
      { op: "deleteStep", stepId: "p2" },
      { op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "action", text: "Looks up the shop" } },
    ]);
    const after = await t.services.maps.history.checkpoint(mapId);
    const changed = await current(mapId);

    const opened = await t.request("GET", `${maps()}/${mapId}/versions/${named.id}`, {
      headers: ws.users.viewer.headers,
    });
    expect(opened.status).toBe(200);
    expect(MapVersionWithSnapshotSchema.parse(opened.body).snapshot).toEqual(before);

    const diff = await t.request("GET", `${maps()}/${mapId}/versions/${named.id}/diff?with=${after!.id}`, {
      headers: ws.users.viewer.headers,
    });
    expect(diff.status).toBe(200);
    const d = MapVersionDiffSchema.parse(diff.body) as MapVersionDiff;
    expect(d.summary).toMatchObject({ removed: 1, changed: 1 });
    expect(d.steps.find((s) => s.stepId === "p1")).toMatchObject({
      status: "changed",
      name: "Sees a billboard",
      cardChanges: [expect.objectContaining({ added: ["Looks up the shop"] })],
    });
    expect(d.steps.find((s) => s.stepId === "p2")?.status).toBe("removed");

    const restored = await restore(mapId, named.id);
    expect(restored.snapshot).toEqual(before);
    expect(await current(mapId)).toEqual(before);
    expect(restored.version).toMatchObject({
      kind: "restored",
      restoredFrom: { id: named.id, name: "Before the workshop" },
      createdBy: { userId: ws.users.editor.id },
    });
    // The restore is itself undone by restoring the version it replaced.
    const undone = await restore(mapId, after!.id);
    expect(await current(mapId)).toEqual(changed);
    expect(undone.version?.restoredFrom?.id).toBe(after!.id);
    const kinds = versionsOf(await history(mapId)).map((v) => v.kind);
    expect(kinds).toEqual(["restored", "restored", "auto", "named", "created"]);
    const activity = await t.services.db.kysely
      .selectFrom("activity")
      .select(["action", "actor_id"])
      .where("map_id", "=", mapId)
      .execute();
    expect(activity.filter((a) => a.action === "map.restored")).toEqual([
      { action: "map.restored", actor_id: ws.users.editor.id },
      { action: "map.restored", actor_id: ws.users.editor.id },
    ]);
  });

  it("restoring a version the map already matches changes nothing and records nothing", async () => {
    const mapId = await newMap();
    const named = await nameVersion(mapId, "As it is");
    const res = await restore(mapId, named.id);
    expect(res.version).toBeNull();
    expect(versionsOf(await history(mapId)).map((v) => v.kind)).toEqual(["named", "created"]);
  });

  it("groups the history by editing session, newest first", async () => {
    const mapId = await newMap();
    await edit(mapId, [{ op: "updateStep", stepId: "p1", name: "One" }], ws.users.owner);
    await t.services.maps.history.checkpoint(mapId);
    await edit(mapId, [{ op: "updateStep", stepId: "p1", name: "Two" }]);
    await t.services.maps.history.checkpoint(mapId);
    const h = await history(mapId);
    expect(h.sessions).toHaveLength(1);
    expect(h.sessions[0]!.authors.map((a) => a.userId).sort()).toEqual([ws.users.owner.id, ws.users.editor.id].sort());
    expect(h.hasMore).toBe(false);
    const limited = await t.request("GET", `${maps()}/${mapId}/versions?limit=1`, { headers: ws.users.viewer.headers });
    expect(versionsOf(MapHistorySchema.parse(limited.body))).toHaveLength(1);
    expect(limited.body.hasMore).toBe(true);
  });

  it("keeps every version openable as it was after compaction folds the log, and still names who edited", async () => {
    const mapId = await newMap("Compacted");
    const bodies = new Map<string, MapSnapshot>();
    for (let i = 0; i < 4; i++) {
      await edit(mapId, [{ op: "addCard", laneId: "l1", stepId: "p1", card: { kind: "action", text: `card ${i}` } }]);
      const v = await t.services.maps.history.checkpoint(mapId);
      bodies.set(v!.id, await current(mapId));
      await t.services.maps.compact(mapId);
    }
    // Edits folded away before any version recorded them still name their author in the next version.
    await edit(mapId, [{ op: "updateStep", stepId: "p2", name: "Folded" }], ws.users.owner);
    await t.services.maps.compact(mapId);
    expect(
      await t.services.db.kysely.selectFrom("map_updates").select("id").where("map_id", "=", mapId).execute(),
    ).toEqual([]);
    const late = await t.services.maps.history.checkpoint(mapId);
    expect(late?.authors.map((a) => a.userId)).toEqual([ws.users.owner.id]);
    for (const [versionId, body] of bodies) {
      const res = await t.request("GET", `${maps()}/${mapId}/versions/${versionId}`, {
        headers: ws.users.viewer.headers,
      });
      expect(res.body.snapshot).toEqual(body);
    }
    const [firstId, firstBody] = [...bodies][0]!;
    await restore(mapId, firstId);
    expect(await current(mapId)).toEqual(firstBody);
  });

  it("exports a version as JSON", async () => {
    const mapId = await newMap("Exported");
    const named = await nameVersion(mapId, "v1");
    await edit(mapId, [{ op: "updateSettings", settings: { title: "Renamed since" } }]);
    const res = await t.app.request(`${maps()}/${mapId}/export?format=json&version=${named.id}`, {
      headers: ws.users.viewer.headers,
    });
    expect(res.status).toBe(200);
    const file = JSON.parse(await res.text()) as { map: { settings: { title: string } } };
    expect(JSON.stringify(file)).toContain("Exported");
    expect(JSON.stringify(file)).not.toContain("Renamed since");
  });

  it("prints a version through an export link bound to it (what PDF and PNG exports of a version open)", async () => {
    const mapId = await newMap("Printed as it was");
    const named = await nameVersion(mapId, "For print");
    await edit(mapId, [{ op: "updateSettings", settings: { title: "Printed as it is now" } }]);
    const { token } = await createShareLink(t.services.db, {
      workspaceId: ws.id,
      mapId,
      userId: ws.users.viewer.id,
      purpose: "export",
      versionId: named.id,
    });
    const res = await t.request("GET", `/api/share/${token}`, { headers: {} });
    expect(res.status).toBe(200);
    expect((res.body.snapshot as MapSnapshot).settings.title).toBe("Printed as it was");
  });

  it("refuses hostile input clearly and changes nothing", async () => {
    const mapId = await newMap();
    const otherMap = await newMap("Another map");
    const foreign = await nameVersion(otherMap, "Belongs elsewhere");
    const before = versionsOf(await history(mapId)).length;
    const unknown = await t.request("POST", `${maps()}/${mapId}/versions/ver_doesnotexist/restore`, {
      headers: ws.users.editor.headers,
    });
    expect([unknown.status, unknown.body.error?.message]).toEqual([404, "version not found"]);
    const elsewhere = await t.request("GET", `${maps()}/${mapId}/versions/${foreign.id}`, {
      headers: ws.users.viewer.headers,
    });
    expect(elsewhere.status).toBe(404);
    const diffElsewhere = await t.request("GET", `${maps()}/${mapId}/versions/${foreign.id}/diff?with=current`, {
      headers: ws.users.viewer.headers,
    });
    expect(diffElsewhere.status).toBe(404);
    const restoreElsewhere = await t.request("POST", `${maps()}/${mapId}/versions/${foreign.id}/restore`, {
      headers: ws.users.editor.headers,
    });
    expect(restoreElsewhere.status).toBe(404);
    const huge = await t.request("POST", `${maps()}/${mapId}/versions`, {
      headers: ws.users.editor.headers,
      body: { name: "x".repeat(100_000) },
    });
    expect([huge.status, huge.body.error?.issues[0]?.path]).toEqual([400, "name"]);
    const blank = await t.request("POST", `${maps()}/${mapId}/versions`, {
      headers: ws.users.editor.headers,
      body: { name: "   " },
    });
    expect(blank.status).toBe(400);
    const badWith = await t.request("GET", `${maps()}/${mapId}/versions/${foreign.id}/diff?with=../../etc`, {
      headers: ws.users.viewer.headers,
    });
    expect(badWith.status).toBe(400);
    const badExport = await t.request("GET", `${maps()}/${mapId}/export?format=json&version=${foreign.id}`, {
      headers: ws.users.viewer.headers,
    });
    expect(badExport.status).toBe(404);
    expect(versionsOf(await history(mapId))).toHaveLength(before);
  });

  it("lets viewers and commenters read the history but not name or restore; another workspace's ids are 404", async () => {
    const mapId = await newMap();
    const named = await nameVersion(mapId, "Kept");
    for (const role of ["viewer", "commenter"] as const) {
      const headers = ws.users[role].headers;
      expect((await t.request("GET", `${maps()}/${mapId}/versions`, { headers })).status).toBe(200);
      expect((await t.request("POST", `${maps()}/${mapId}/versions/${named.id}/restore`, { headers })).status).toBe(
        403,
      );
      expect((await t.request("POST", `${maps()}/${mapId}/versions`, { headers, body: { name: "No" } })).status).toBe(
        403,
      );
    }
    const outsider = ws.outsider.headers;
    expect((await t.request("GET", `${maps()}/${mapId}/versions/${named.id}`, { headers: outsider })).status).toBe(404);
  });
});
