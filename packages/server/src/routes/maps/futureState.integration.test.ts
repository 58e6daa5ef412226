import { compareMaps, type MapSnapshot } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPersona } from "../../commands/personaCreator.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import type { MapListItem } from "../../store/mapListStore.js";

describe.each(testDialects)("future state and the map list on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}/maps`;
  });
  afterEach(() => t.dispose());

  const as = (role: "editor" | "viewer" = "editor") => ({ headers: ws.users[role].headers });
  async function createMap(body: Record<string, unknown> = { templateId: "ecommerce", locale: "en" }) {
    const res = await t.request("POST", base, { ...as(), body });
    expect(res.status).toBe(201);
    return res.body as { map: { id: string }; snapshot: MapSnapshot };
  }

  it("lists each map with its goal, personas, tags, stage and step counts", async () => {
    const persona = await createPersona(t.services.db, ws.id, { name: "Ana" });
    const { map, snapshot } = await createMap({
      templateId: "awareness-to-advocacy",
      locale: "zh-Hant",
      goal: "Fewer returns",
      personaIds: [persona.id],
    });
    await t.request("PATCH", `${base}/${map.id}/settings`, {
      ...as(),
      body: { tags: ["q3", "returns"], status: "published" },
    });
    const list = (await t.request("GET", base, as("viewer"))).body as unknown as MapListItem[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: map.id,
      goal: "Fewer returns",
      personaIds: [persona.id],
      tags: ["q3", "returns"],
      status: "published",
      type: "currentState",
      stageCount: snapshot.stages.length,
      stepCount: snapshot.steps.length,
    });
    expect(list[0]!.stageCount).toBe(6);
    expect(list[0]!.basedOnMapId).toBeUndefined();
  });

  it("creates a future state from a map: a draft copy that points back at it and compares step by step", async () => {
    const { map, snapshot } = await createMap();
    const res = await t.request("POST", `${base}/${map.id}/future-state`, {
      ...as(),
      body: { title: "E-commerce, next year" },
    });
    expect(res.status).toBe(201);
    const created = res.body as { map: { id: string; type: string; title: string }; snapshot: MapSnapshot };
    expect(created.map).toMatchObject({ type: "futureState", title: "E-commerce, next year" });
    expect(created.snapshot.settings).toMatchObject({ basedOnMapId: map.id, status: "draft" });
    expect(created.snapshot.steps.map((s) => s.name)).toEqual(snapshot.steps.map((s) => s.name));
    expect(created.snapshot.steps.map((s) => s.id)).not.toEqual(snapshot.steps.map((s) => s.id));

    const step = created.snapshot.steps[0]!;
    await t.request("POST", `${base}/${created.map.id}/operations`, {
      ...as(),
      body: { operations: [{ op: "updateStep", stepId: step.id, name: "Finds it in one search" }] },
    });
    const future = ((await t.request("GET", `${base}/${created.map.id}`, as())).body as { snapshot: MapSnapshot })
      .snapshot;
    const comparison = compareMaps(snapshot, future);
    expect(comparison.matchedBy).toBe("lineage");
    expect(comparison.steps.filter((s) => s.status === "changed").map((s) => [s.left?.name, s.right?.name])).toEqual([
      [snapshot.steps[0]!.name, "Finds it in one search"],
    ]);

    const list = (await t.request("GET", base, as())).body as unknown as MapListItem[];
    expect(list.find((m) => m.id === created.map.id)!.basedOnMapId).toBe(map.id);
    // The source map is untouched.
    const source = ((await t.request("GET", `${base}/${map.id}`, as())).body as { snapshot: MapSnapshot }).snapshot;
    expect(source).toEqual(snapshot);
  });

  it("keeps the source title when none is given", async () => {
    const { map, snapshot } = await createMap();
    const res = await t.request("POST", `${base}/${map.id}/future-state`, { ...as(), body: {} });
    expect([res.status, (res.body as { map: { title: string } }).map.title]).toEqual([201, snapshot.settings.title]);
  });

  it("names the bad field of a malformed request and creates nothing", async () => {
    const { map } = await createMap();
    const long = await t.request("POST", `${base}/${map.id}/future-state`, {
      ...as(),
      body: { title: "x".repeat(201) },
    });
    expect([long.status, long.body.error?.issues[0]?.path]).toEqual([400, "title"]);
    const unknown = await t.request("POST", `${base}/${map.id}/future-state`, {
      ...as(),
      body: { title: "ok", copyComments: true },
    });
    expect(unknown.status).toBe(400);
    const notJson = await t.request("POST", `${base}/${map.id}/future-state`, { ...as(), body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(((await t.request("GET", base, as())).body as unknown as unknown[]).length).toBe(1);
  });

  it("does not copy a map of another workspace, nor let a viewer copy", async () => {
    const { map } = await createMap();
    const other = await buildWorkspace(t.services.db);
    const foreign = await t.request("POST", `/api/workspaces/${other.id}/maps/${map.id}/future-state`, {
      headers: other.users.owner.headers,
      body: {},
    });
    expect(foreign.status).toBe(404);
    const viewer = await t.request("POST", `${base}/${map.id}/future-state`, { ...as("viewer"), body: {} });
    expect(viewer.status).toBe(403);
    const missing = await t.request("POST", `${base}/map_nope/future-state`, { ...as(), body: {} });
    expect(missing.status).toBe(404);
  });
});
