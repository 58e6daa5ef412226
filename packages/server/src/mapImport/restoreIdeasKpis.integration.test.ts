import { IdeaSchema, KpiSchema, type Idea, type Kpi } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupWorkspace, WORKSPACE_BACKUP_VERSION } from "../mapExport/workspaceBackup.js";
import { buildUser, buildWorkspace, type TestUser, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";
import { buildIdeaKpiMap, type IdeaKpiMap } from "./ideaKpiFixture.js";
import { restoreWorkspace } from "./restoreWorkspace.js";

describe.each(testDialects)("backup and restore of ideas and KPIs on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let fixture: IdeaKpiMap;
  const apps: TestApp[] = [];
  beforeEach(async () => {
    t = await createTestApp(dialect);
    apps.push(t);
    ws = await buildWorkspace(t.services.db);
    fixture = await buildIdeaKpiMap(t, ws);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.dispose();
  });

  /** The workspace's ideas, KPIs with their values, and recorded effects, as the API shows them to `user`. */
  async function workspaceOf(app: TestApp, workspaceId: string, user: TestUser) {
    const as = { headers: user.headers };
    const W = `/api/workspaces/${workspaceId}`;
    const ideas = ((await app.request("GET", `${W}/ideas`, as)).body as unknown as Idea[]).map((i) =>
      IdeaSchema.parse(i),
    );
    const kpis = ((await app.request("GET", `${W}/kpis`, as)).body.kpis as Kpi[]).map((k) => KpiSchema.parse(k));
    const values = [];
    for (const kpi of kpis) {
      const series = await app.request("POST", `${W}/kpis/${kpi.id}/series`, {
        ...as,
        body: { bucket: "month", filters: { from: "2026-09-01", to: "2026-12-01" } },
      });
      values.push(series.body.manualValues);
    }
    const effects = [];
    for (const idea of ideas) effects.push((await app.request("GET", `${W}/ideas/${idea.id}/kpi-effect`, as)).body);
    return { ideas, kpis, values, effects };
  }

  it("brings back ideas (links, scores, status history, measured effect) and KPIs (values by hand) under their ids", async () => {
    const before = await workspaceOf(t, ws.id, ws.users.owner);
    expect(before.ideas).toHaveLength(1);
    const backup = JSON.parse(JSON.stringify(await backupWorkspace(t.services.db, ws.id)));
    expect(backup.formatVersion).toBe(WORKSPACE_BACKUP_VERSION);
    expect([backup.ideas.length, backup.kpis.length]).toEqual([1, 2]);

    // Another server, whose accounts have the same e-mails (and other ids).
    const target = await createTestApp(dialect);
    apps.push(target);
    const people: Record<string, TestUser> = {};
    for (const role of ["owner", "editor", "commenter", "viewer"] as const)
      people[role] = await buildUser(target.services.db, { email: ws.users[role].email, name: `${role} user` });
    const result = await restoreWorkspace(target.services.db, backup, { ownerId: people.owner!.id });
    expect(result.counts).toMatchObject({ ideas: 1, kpis: 2 });
    const after = await workspaceOf(target, ws.id, people.owner!);

    // Account ids differ between the servers; everything else is as it was.
    const idOn = (users: Record<string, { id: string }>) => (id: string | null) =>
      Object.entries(users).find(([, u]) => u.id === id)?.[0] ?? id;
    const people0 = idOn(ws.users);
    const people1 = idOn(people);
    const neutral = (ideas: Idea[], who: (id: string | null) => string | null) =>
      ideas.map((i) => ({
        ...i,
        ownerId: who(i.ownerId),
        createdBy: who(i.createdBy),
        history: i.history.map((h) => ({ ...h, byUserId: who(h.byUserId) })),
      }));
    expect(neutral(after.ideas, people1)).toEqual(neutral(before.ideas, people0));
    expect(after.ideas[0]!.history.map((h) => h.status)).toEqual([
      "new",
      "approved",
      "inProgress",
      "shipped",
      "measured",
    ]);
    expect(after.kpis.map((k) => ({ ...k, ownerId: people1(k.ownerId) }))).toEqual(
      before.kpis.map((k) => ({ ...k, ownerId: people0(k.ownerId) })),
    );
    expect(after.values).toEqual(before.values);
    expect(after.effects).toEqual(before.effects);
    expect(after.effects[0]).toMatchObject({ recordedAt: "2026-12-01T10:00:00.000Z" });
  });

  it("restores a copy under new ids whose ideas and KPIs point at the copy's map, beside the original", async () => {
    const backup = JSON.parse(JSON.stringify(await backupWorkspace(t.services.db, ws.id)));
    const copy = await restoreWorkspace(t.services.db, backup, { ownerId: ws.users.owner.id, newIds: true });
    const original = await workspaceOf(t, ws.id, ws.users.owner);
    const restored = await workspaceOf(t, copy.workspaceId, ws.users.owner);
    const [mapId] = (await t.services.maps.list(copy.workspaceId)).map((m) => m.id);
    const [idea] = restored.ideas;
    expect(idea!.id).not.toBe(fixture.ideaId);
    expect(idea!.anchors.map((a) => [a.mapId, a.cardId, a.missing])).toEqual([[mapId, fixture.painPointId, false]]);
    expect(restored.kpis.map((k) => k.anchor)).toEqual(
      original.kpis.map(() => ({ kind: "step", mapId, stepId: fixture.stepId })),
    );
    expect(idea!.kpiIds).toEqual(restored.kpis.map((k) => k.id));
    expect(restored.effects[0]).toMatchObject({ ideaId: idea!.id, kpis: [{ kpiId: restored.kpis[1]!.id }] });
    expect(restored.values).toEqual(
      original.values.map((list) => (list as Array<{ id: string }>).map((v) => ({ ...v, id: expect.any(String) }))),
    );
    // The original is untouched.
    expect(original.ideas.map((i) => i.id)).toEqual([fixture.ideaId]);
  });

  it("reads a version 2 backup (before ideas and KPIs) as a workspace without them", async () => {
    const { ideas: _i, kpis: _k, ...v2 } = JSON.parse(JSON.stringify(await backupWorkspace(t.services.db, ws.id)));
    const copy = await restoreWorkspace(
      t.services.db,
      { ...v2, formatVersion: 2 },
      {
        ownerId: ws.users.owner.id,
        newIds: true,
      },
    );
    expect(copy.counts).toMatchObject({ maps: 1, ideas: 0, kpis: 0 });
  });
});
