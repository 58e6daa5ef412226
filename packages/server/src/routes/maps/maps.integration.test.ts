import { TEMPLATES, type MapSnapshot } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("maps API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}/maps`;
  });
  afterEach(() => t.dispose());

  const editor = () => ({ headers: ws.users.editor.headers });
  async function createFromTemplate(templateId = "ecommerce", locale = "en") {
    const res = await t.request("POST", base, { ...editor(), body: { templateId, locale } });
    expect(res.status).toBe(201);
    return res.body as { map: { id: string }; snapshot: MapSnapshot };
  }

  it("creates a map from every template in Persian and lists it", async () => {
    for (const template of TEMPLATES) {
      const { snapshot } = await createFromTemplate(template.id, "fa");
      expect(snapshot.settings.locale).toBe("fa");
      expect(snapshot.stages.map((s) => s.name)).toEqual(template.stages.map((s) => s.name.fa));
    }
    const list = await t.request("GET", base, editor());
    expect((list.body as unknown as unknown[]).length).toBe(TEMPLATES.length);
  });

  it("applies a batch of operations and reads them back", async () => {
    const { map, snapshot } = await createFromTemplate();
    const lane = snapshot.lanes.find((l) => l.type === "painPoints")!;
    const step = snapshot.steps[0]!;
    const res = await t.request("POST", `${base}/${map.id}/operations`, {
      ...editor(),
      body: {
        operations: [
          {
            op: "addCard",
            laneId: lane.id,
            stepId: step.id,
            card: { kind: "painPoint", text: "<script>alert(1)</script>", severity: 4 },
          },
          { op: "updateStep", stepId: step.id, name: "Searches on mobile" },
        ],
      },
    });
    expect(res.status).toBe(200);
    const read = await t.request("GET", `${base}/${map.id}`, editor());
    const body = read.body as unknown as { snapshot: MapSnapshot };
    expect(body.snapshot.steps[0]!.name).toBe("Searches on mobile");
    const cards = body.snapshot.cells.find((c) => c.laneId === lane.id && c.stepId === step.id)!.cards;
    expect(cards.map((c) => ("text" in c ? c.text : ""))).toContain("<script>alert(1)</script>");
  });

  it("rejects a batch with one bad operation, names it, and changes nothing", async () => {
    const { map } = await createFromTemplate();
    const before = await t.request("GET", `${base}/${map.id}`, editor());
    const res = await t.request("POST", `${base}/${map.id}/operations`, {
      ...editor(),
      body: {
        operations: [
          { op: "addStage", name: "Loyalty" },
          { op: "deleteStep", stepId: "no_such_step" },
        ],
      },
    });
    expect([res.status, res.body.error?.message]).toEqual([404, 'operations[1].stepId: unknown step "no_such_step"']);
    const after = await t.request("GET", `${base}/${map.id}`, editor());
    expect((after.body as { snapshot: unknown }).snapshot).toEqual((before.body as { snapshot: unknown }).snapshot);
  });

  it("names a malformed operation's field", async () => {
    const { map } = await createFromTemplate();
    const res = await t.request("POST", `${base}/${map.id}/operations`, {
      ...editor(),
      body: {
        operations: [
          { op: "addStage", name: "ok" },
          { op: "addStep", name: "x" },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.issues[0]?.path).toMatch(/^operations\.1/);
  });

  it("changes settings, and refuses an emotion scale that is upside down", async () => {
    const { map } = await createFromTemplate();
    const ok = await t.request("PATCH", `${base}/${map.id}/settings`, {
      ...editor(),
      body: { title: "Checkout 2027", status: "published", tags: ["q1"] },
    });
    expect(ok.status).toBe(200);
    const list = await t.request("GET", base, editor());
    expect((list.body as unknown as Array<{ title: string; status: string }>)[0]).toMatchObject({
      title: "Checkout 2027",
      status: "published",
    });
    const rename = await t.request("PATCH", `${base}/${map.id}/settings`, {
      ...editor(),
      body: { title: "Checkout 2028" },
    });
    expect((rename.body as { snapshot: MapSnapshot }).snapshot.settings).toMatchObject({
      title: "Checkout 2028",
      status: "published",
      tags: ["q1"],
    });
    const bad = await t.request("PATCH", `${base}/${map.id}/settings`, {
      ...editor(),
      body: { emotionScale: { min: 0, max: -3 } },
    });
    expect(bad.status).toBe(400);
  });

  it("imports a version-0 snapshot, reporting dropped fields, and refuses personas of other workspaces", async () => {
    const v0 = {
      title: "Legacy",
      stages: [{ id: "s1", name: "Buy" }],
      columns: [{ id: "c1", stage: "s1", name: "Pay" }],
      lanes: [{ id: "l1", kind: "actions", name: "Actions", width: 3 }],
      cells: [],
      emotions: [],
    };
    const res = await t.request("POST", base, { ...editor(), body: { snapshot: v0 } });
    expect(res.status).toBe(201);
    expect(res.body.dropped).toEqual(["lanes[0].width"]);
    const foreign = await t.request("POST", `/api/workspaces/${ws.id}/maps`, {
      ...editor(),
      body: { templateId: "ecommerce", personaIds: ["per_from_elsewhere"] },
    });
    expect([foreign.status, foreign.body.error?.issues[0]?.path]).toEqual([400, "personaIds[0]"]);
    const broken = await t.request("POST", base, {
      ...editor(),
      body: { snapshot: { ...v0, columns: [{ id: "c1", stage: "nope", name: "Pay" }] } },
    });
    expect([broken.status, broken.body.error?.message]).toEqual([
      400,
      'snapshot.steps[0].stageId: unknown stage "nope"',
    ]);
  });

  it("does not find a map through another workspace's URL", async () => {
    const { map } = await createFromTemplate();
    const other = await buildWorkspace(t.services.db);
    const res = await t.request("GET", `/api/workspaces/${other.id}/maps/${map.id}`, {
      headers: other.users.owner.headers,
    });
    expect(res.status).toBe(404);
  });
});
