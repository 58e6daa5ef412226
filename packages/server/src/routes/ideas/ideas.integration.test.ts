import { applyMapOperations, buildMapFromTemplate, IdeaSchema, type Idea, type MapOperation } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { listNotifications } from "../../store/notificationStore.js";

describe.each(testDialects)("ideas on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let painPointId: string;
  let opportunityId: string;
  let stepId: string;
  let stageId: string;
  let painLaneId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    mapId = map.id;
    const snapshot = await t.services.maps.readSnapshot(mapId);
    const step = snapshot.steps[1]!;
    stepId = step.id;
    stageId = step.stageId;
    painLaneId = snapshot.lanes.find((l) => l.type === "painPoints")!.id;
    const opportunityLaneId = snapshot.lanes.find((l) => l.type === "opportunities")!.id;
    const [pain, opportunity] = await edit([
      {
        op: "addCard",
        laneId: painLaneId,
        stepId,
        card: { kind: "painPoint", text: "Shipping costs appear late", severity: 4 },
      },
      { op: "addCard", laneId: opportunityLaneId, stepId, card: { kind: "opportunity", text: "Show costs up front" } },
    ]);
    painPointId = pain!.id!;
    opportunityId = opportunity!.id!;
  });
  afterEach(() => t.dispose());

  const edit = async (operations: MapOperation[]) =>
    (await t.services.maps.edit(mapId, (doc) => applyMapOperations(doc, operations), "test")).result;
  const W = () => `/api/workspaces/${ws.id}/ideas`;
  const as = (role: "owner" | "editor" | "viewer" = "editor") => ({ headers: ws.users[role].headers });
  const create = async (body: Record<string, unknown>) => {
    const res = await t.request("POST", W(), { ...as(), body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The answer is the contract's shape (what the web app parses it with).
    return IdeaSchema.parse(res.body);
  };
  const setStatus = (id: string, body: Record<string, unknown>) =>
    t.request("POST", `${W()}/${id}/status`, { ...as(), body });
  const list = async (query = "") => {
    const res = await t.request("GET", `${W()}${query}`, as("viewer"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as unknown as Idea[]).map((i) => i.title);
  };

  it("creates an idea from a pain point, keeps the link by ids and shows the card's text and stage", async () => {
    const idea = await create({
      title: "Show shipping on the product page",
      anchors: [{ mapId, cardId: painPointId }],
    });
    expect(idea.status).toBe("new");
    expect(idea.anchors).toEqual([
      expect.objectContaining({ mapId, cardId: painPointId, stepId, stageId, kind: "painPoint", missing: false }),
    ]);
    expect(idea.anchors[0]!.label).toBe("Shipping costs appear late");
    expect(idea.history).toEqual([expect.objectContaining({ status: "new", byUserId: ws.users.editor.id })]);
    // The map side: the ideas linked to this map, with the cards they link to.
    const res = await t.request("GET", `${W()}?mapId=${mapId}`, as("viewer"));
    expect((res.body as unknown as Idea[]).flatMap((i) => i.anchors.map((a) => a.cardId))).toEqual([painPointId]);
  });

  it("walks the workflow to measured, keeping each change's date and person, and refuses illegal moves", async () => {
    const idea = await create({ title: "One-page checkout" });
    expect((await setStatus(idea.id, { status: "shipped" })).status).toBe(409);
    for (const status of ["approved", "inProgress"]) expect((await setStatus(idea.id, { status })).status).toBe(200);
    const shipped = await setStatus(idea.id, { status: "shipped", at: "2026-11-02T09:00:00Z" });
    expect(shipped.status).toBe(200);
    expect((shipped.body as unknown as Idea).shippedAt).toBe("2026-11-02T09:00:00.000Z");
    const back = await setStatus(idea.id, { status: "new" });
    expect([back.status, back.body.error?.code]).toEqual([409, "idea_status_not_allowed"]);
    expect(back.body.error?.message).toContain("shipped cannot become new");
    const rejectShipped = await setStatus(idea.id, { status: "rejected", reason: "changed our mind" });
    expect(rejectShipped.status).toBe(409);
    const measured = await setStatus(idea.id, { status: "measured" });
    const history = (measured.body as unknown as Idea).history;
    expect(history.map((h) => h.status)).toEqual(["new", "approved", "inProgress", "shipped", "measured"]);
    expect(history.map((h) => [h.byUserId, h.byName])).toEqual(history.map(() => [ws.users.editor.id, "editor user"]));
  });

  it("needs a reason to reject, and refuses a status date in the future", async () => {
    const idea = await create({ title: "Chat on checkout" });
    const noReason = await setStatus(idea.id, { status: "rejected" });
    expect([noReason.status, noReason.body.error?.code, noReason.body.error?.issues[0]?.path]).toEqual([
      400,
      "idea_rejection_reason_required",
      "reason",
    ]);
    const future = await setStatus(idea.id, { status: "approved", at: "2999-01-01T00:00:00Z" });
    expect([future.status, future.body.error?.issues[0]?.path]).toEqual([400, "at"]);
    const rejected = await setStatus(idea.id, { status: "rejected", reason: "Too costly for now" });
    expect(rejected.status).toBe(200);
    expect((rejected.body as unknown as Idea).history.at(-1)).toMatchObject({
      status: "rejected",
      reason: "Too costly for now",
    });
    expect((await setStatus(idea.id, { status: "approved" })).status).toBe(409);
  });

  it("computes ICE and RICE as the formulas say (hand-computed) and ranks the backlog by them", async () => {
    const a = await create({
      title: "A",
      ice: { impact: 7, confidence: 5, ease: 8 },
      rice: { reach: 1200, impact: 2, confidence: 80, effort: 3 },
    });
    expect([a.iceScore, a.riceScore]).toEqual([280, 640]);
    const b = await create({
      title: "B",
      ice: { impact: 9, confidence: 6, ease: 6 },
      rice: { reach: 500, impact: 0.5, confidence: 50, effort: 2 },
    });
    expect([b.iceScore, b.riceScore]).toEqual([324, 62.5]);
    await create({ title: "Unscored" });
    expect(await list("?sort=ice")).toEqual(["B", "A", "Unscored"]);
    expect(await list("?sort=rice")).toEqual(["A", "B", "Unscored"]);
    const patched = await t.request("PATCH", `${W()}/${a.id}`, { ...as(), body: { ice: null } });
    expect((patched.body as unknown as Idea).iceScore).toBeNull();
  });

  it("filters the backlog by map, stage, status, owner and tag", async () => {
    const linked = await create({
      title: "Linked",
      anchors: [{ mapId, cardId: opportunityId }],
      tags: ["checkout"],
      ownerId: ws.users.viewer.id,
    });
    await create({ title: "Loose", tags: ["brand"] });
    await setStatus(linked.id, { status: "approved" });
    expect(await list(`?mapId=${mapId}`)).toEqual(["Linked"]);
    expect(await list(`?stageId=${stageId}`)).toEqual(["Linked"]);
    expect(await list(`?status=approved`)).toEqual(["Linked"]);
    expect(await list(`?status=new`)).toEqual(["Loose"]);
    expect(await list(`?ownerId=${ws.users.viewer.id}`)).toEqual(["Linked"]);
    expect(await list(`?tag=brand`)).toEqual(["Loose"]);
    expect(await list(`?tag=checkout&status=new`)).toEqual([]);
  });

  it("keeps links through renames, and keeps the idea with the link marked missing when its card is deleted", async () => {
    const idea = await create({
      title: "Free returns",
      anchors: [
        { mapId, cardId: painPointId },
        { mapId, stepId, laneId: painLaneId },
      ],
      steps: [{ mapId, stepId }],
    });
    await edit([
      { op: "updateCard", cardId: painPointId, fields: { text: "Shipping costs shown at the last step" } },
      { op: "updateStep", stepId, name: "Cart review" },
    ]);
    const renamed = (await t.request("GET", `${W()}/${idea.id}`, as("viewer"))).body as unknown as Idea;
    expect(renamed.anchors.map((a) => [a.label, a.missing])).toEqual([
      ["Shipping costs shown at the last step", false],
      ["Cart review", false],
    ]);
    expect(renamed.steps[0]).toMatchObject({ label: "Cart review", kind: "step", missing: false });
    await edit([{ op: "removeCard", cardId: painPointId }]);
    const after = (await t.request("GET", `${W()}/${idea.id}`, as("viewer"))).body as unknown as Idea;
    expect(after.anchors[0]).toMatchObject({ cardId: painPointId, missing: true, kind: "painPoint" });
    // An edit of another field keeps the missing link rather than refusing it.
    const edited = await t.request("PATCH", `${W()}/${idea.id}`, {
      ...as(),
      body: {
        title: "Free returns for all",
        anchors: after.anchors.map((a) =>
          a.cardId ? { mapId, cardId: a.cardId } : { mapId, stepId, laneId: painLaneId },
        ),
      },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((edited.body as unknown as Idea).anchors[0]).toMatchObject({ missing: true });
  });

  it("answers 404 for another workspace's ideas and refuses links to its maps", async () => {
    const other = await buildWorkspace(t.services.db);
    const foreign = await t.request("POST", `/api/workspaces/${other.id}/ideas`, {
      headers: other.users.editor.headers,
      body: { title: "Theirs" },
    });
    const foreignId = (foreign.body as unknown as Idea).id;
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["PATCH", "", { title: "Mine now" }],
      ["DELETE", "", undefined],
      ["POST", "/status", { status: "approved" }],
      ["PUT", "/matrix", { impact: 1, effort: 0 }],
      ["GET", "/evidence", undefined],
    ] as const) {
      const res = await t.request(method, `${W()}/${foreignId}${suffix}`, { ...as("owner"), body });
      expect([method, suffix, res.status]).toEqual([method, suffix, 404]);
    }
    const otherMap = await t.services.maps.create({
      workspaceId: other.id,
      createdBy: other.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    const res = await t.request("POST", W(), {
      ...as(),
      body: { title: "X", anchors: [{ mapId: otherMap.id, stepId }] },
    });
    expect([res.status, res.body.error?.issues[0]?.path]).toEqual([400, "anchors.0.mapId"]);
    expect(
      (
        (
          await t.request("GET", `/api/workspaces/${other.id}/ideas/${foreignId}`, {
            headers: other.users.viewer.headers,
          })
        ).body as unknown as Idea
      ).title,
    ).toBe("Theirs");
  });

  it("moves an idea on the matrix and refuses places off it", async () => {
    const idea = await create({ title: "Quick win" });
    const moved = await t.request("PUT", `${W()}/${idea.id}/matrix`, { ...as(), body: { impact: 0.9, effort: 0.1 } });
    expect((moved.body as unknown as Idea).matrix).toEqual({ impact: 0.9, effort: 0.1 });
    const off = await t.request("PUT", `${W()}/${idea.id}/matrix`, { ...as(), body: { impact: 2, effort: 0.1 } });
    expect([off.status, off.body.error?.issues[0]?.path]).toEqual([400, "impact"]);
  });

  it("refuses hostile input, naming the field, and stores nothing", async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ title: "x".repeat(201) }, "title"],
      [{ title: "ok", description: "y".repeat(20_001) }, "description"],
      [{ title: "ok", tags: Array.from({ length: 5000 }, (_, i) => `t${i}`) }, "tags"],
      [{ title: "ok", ice: { impact: -1, confidence: 5, ease: 5 } }, "ice.impact"],
      [{ title: "ok", rice: { reach: 10, impact: 1, confidence: 50, effort: 0 } }, "rice.effort"],
      [{ title: "ok", ice: { impact: 11, confidence: 5, ease: 5 } }, "ice.impact"],
      [{ title: "ok", ownerId: ws.outsider.id }, "ownerId"],
      [{ title: "ok", anchors: [{ mapId, cardId: "nope" }] }, "anchors.0.cardId"],
      [{ title: "ok", anchors: [{ mapId }] }, "anchors.0.cardId"],
      [{ title: "ok", touchpointIds: ["nope"] }, "touchpointIds.0"],
    ];
    for (const [body, path] of bad) {
      const res = await t.request("POST", W(), { ...as(), body });
      expect([res.status, res.body.error?.issues[0]?.path]).toEqual([400, path]);
    }
    // NaN is not JSON: sent as text it is refused as a malformed body.
    const nan = await t.request("POST", W(), {
      ...as(),
      body: '{"title":"ok","ice":{"impact":NaN,"confidence":1,"ease":1}}',
    });
    expect(nan.status).toBe(400);
    const nullScore = await t.request("POST", W(), {
      ...as(),
      body: { title: "ok", rice: { reach: null, impact: 1, confidence: 1, effort: 1 } },
    });
    expect(nullScore.status).toBe(400);
    expect(await list()).toEqual([]);
    const health = await t.request("GET", "/api/health");
    expect(health.status).toBe(200);
  });

  it("tells the idea's owner and creator of a status change, but not whoever made it", async () => {
    const idea = await create({ title: "Express delivery", ownerId: ws.users.viewer.id });
    await t.request("POST", `${W()}/${idea.id}/status`, { ...as("owner"), body: { status: "approved" } });
    const told = async (userId: string) =>
      (await listNotifications(t.services.db, userId, { unreadOnly: false, limit: 10 })).notifications;
    for (const follower of [ws.users.viewer.id, ws.users.editor.id])
      expect(await told(follower)).toEqual([
        expect.objectContaining({ kind: "idea", subjectId: idea.id, actorId: ws.users.owner.id }),
      ]);
    expect((await told(ws.users.editor.id))[0]!.data).toMatchObject({
      ideaTitle: "Express delivery",
      status: "approved",
    });
    expect(await told(ws.users.owner.id)).toEqual([]);
  });

  it("lets viewers read but not write, and deletes an idea with its history", async () => {
    const idea = await create({ title: "Gone soon" });
    expect((await t.request("PATCH", `${W()}/${idea.id}`, { ...as("viewer"), body: { title: "no" } })).status).toBe(
      403,
    );
    expect((await t.request("DELETE", `${W()}/${idea.id}`, as())).status).toBe(200);
    expect((await t.request("GET", `${W()}/${idea.id}`, as("viewer"))).status).toBe(404);
  });
});
