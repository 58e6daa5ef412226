import {
  buildMapFromTemplate,
  CommentThreadListSchema,
  CommentThreadSchema,
  type CommentThread,
  type MapSnapshot,
} from "@opencjm/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setMemberRole } from "../../commands/workspaceCreator.js";
import { buildTokenHeaders, buildUser, buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { templateMapWithCard } from "../../testing/templateMapWithCard.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("comment threads on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let mapId: string;
  let snapshot: MapSnapshot;
  const threads = () => `/api/workspaces/${ws.id}/maps/${mapId}/comment-threads`;
  const as = (role: keyof TestWorkspace["users"]) => ({ headers: ws.users[role].headers });
  const firstCard = () => snapshot.cells.find((c) => c.cards.length > 0)!.cards[0]!;
  const stored = async () => ({
    threads: Number(
      (
        await t.services.db.kysely
          .selectFrom("comment_threads")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    comments: Number(
      (
        await t.services.db.kysely
          .selectFrom("comments")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  async function startThread(
    role: keyof TestWorkspace["users"],
    body: Record<string, unknown>,
  ): Promise<CommentThread> {
    const res = await t.request("POST", threads(), { ...as(role), body });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    return CommentThreadSchema.parse(res.body);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    other = await buildWorkspace(t.services.db);
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      // Templates hold no cards (their prompts are placeholders): the tests need one to comment on.
      snapshot: templateMapWithCard("ecommerce", "actions", { kind: "action", text: "Searches for running shoes" }),
    });
    mapId = map.id;
    snapshot = await t.services.maps.readSnapshot(mapId);
  });

  it("a commenter opens a thread on a card mentioning a member; an editor replies; both are told, nobody twice", async () => {
    const card = firstCard();
    const thread = await startThread("commenter", {
      anchor: { kind: "card", cardId: card.id },
      text: "@viewer user is this still true?",
      mentions: [ws.users.viewer.id],
    });
    expect(thread).toMatchObject({
      anchor: { kind: "card", cardId: card.id },
      status: "open",
      onDeletedContent: false,
      createdBy: { userId: ws.users.commenter.id, name: "commenter user" },
      comments: [
        { text: "@viewer user is this still true?", mentions: [{ userId: ws.users.viewer.id, name: "viewer user" }] },
      ],
    });
    const reply = await t.request("POST", `${threads()}/${thread.id}/comments`, {
      ...as("editor"),
      body: { text: "Yes, checked last week" },
    });
    expect(reply.status).toBe(201);
    const listed = CommentThreadListSchema.parse((await t.request("GET", threads(), as("viewer"))).body);
    expect(listed.threads.map((x) => x.comments.map((c) => [c.author.name, c.text]))).toEqual([
      [
        ["commenter user", "@viewer user is this still true?"],
        ["editor user", "Yes, checked last week"],
      ],
    ]);
    const told = await t.services.db.kysely
      .selectFrom("notifications")
      .select(["user_id", "kind", "actor_id"])
      .where("subject_id", "=", thread.id)
      .orderBy("created_at")
      .execute();
    expect(told.map((n) => [n.user_id, n.kind, n.actor_id])).toEqual([
      [ws.users.viewer.id, "mention", ws.users.commenter.id],
      [ws.users.commenter.id, "reply", ws.users.editor.id],
    ]);
  });

  it("threads on a step, a cell and the map; a card, step or cell that is not on the map is refused", async () => {
    const step = snapshot.steps[0]!;
    const lane = snapshot.lanes[0]!;
    for (const anchor of [
      { kind: "step", stepId: step.id },
      { kind: "cell", laneId: lane.id, stepId: step.id },
      { kind: "map" },
    ])
      await startThread("editor", { anchor, text: "Note" });
    const before = await stored();
    for (const anchor of [
      { kind: "card", cardId: "no_such_card" },
      { kind: "step", stepId: "no_such_step" },
      { kind: "cell", laneId: "no_such_lane", stepId: step.id },
    ]) {
      const res = await t.request("POST", threads(), { ...as("editor"), body: { anchor, text: "Lost" } });
      expect([res.status, res.body.error?.code, res.body.error?.message]).toEqual([
        400,
        "anchor_not_found",
        `anchor: this map has no ${anchor.kind} with that id`,
      ]);
    }
    expect(await stored()).toEqual(before);
    const steps = await t.request("GET", `${threads()}?anchorKind=step`, as("viewer"));
    expect((steps.body.threads as CommentThread[]).map((x) => x.anchor)).toEqual([{ kind: "step", stepId: step.id }]);
  });

  it("a mention of someone outside the workspace is refused, naming it, and nothing is stored", async () => {
    const before = await stored();
    const res = await t.request("POST", threads(), {
      ...as("commenter"),
      body: { anchor: { kind: "map" }, text: "@someone", mentions: [ws.users.editor.id, other.users.owner.id] },
    });
    expect([res.status, res.body.error?.code, res.body.error?.issues]).toEqual([
      400,
      "mention_not_member",
      [{ path: "mentions.1", message: `${other.users.owner.id} is not a member of this workspace` }],
    ]);
    expect(res.body.error?.message).toMatch(/^mentions\.1: .* only members can be mentioned$/);
    // Someone whose account speaks Persian reads the refusal in Persian.
    const persian = await buildUser(t.services.db, { name: "Parisa" });
    await setMemberRole(t.services.db, ws.id, persian.id, "commenter");
    await t.services.db.kysely.updateTable("users").set({ locale: "fa" }).where("id", "=", persian.id).execute();
    const inPersian = await t.request("POST", threads(), {
      headers: persian.headers,
      body: { anchor: { kind: "map" }, text: "@someone", mentions: [other.users.owner.id] },
    });
    expect(inPersian.body.error?.message).toBe(
      `mentions.0: ${other.users.owner.id} عضو این فضای کاری نیست؛ فقط می‌توان نام اعضا را برد`,
    );
    expect(await stored()).toEqual(before);
  });

  it("people edit and delete their own comments; nobody edits others', owners may delete any; the last one takes the thread", async () => {
    const thread = await startThread("commenter", { anchor: { kind: "map" }, text: "First" });
    const [first] = thread.comments;
    const path = `${threads()}/${thread.id}/comments/${first!.id}`;
    for (const role of ["editor", "owner"] as const) {
      const edit = await t.request("PATCH", path, { ...as(role), body: { text: "Not yours" } });
      expect([role, edit.status, edit.body.error?.message]).toEqual([role, 403, "you can edit only your own comments"]);
    }
    const denied = await t.request("DELETE", path, as("editor"));
    expect([denied.status, denied.body.error?.message]).toEqual([
      403,
      "you can delete only your own comments (owners may delete any)",
    ]);
    const edited = await t.request("PATCH", path, { ...as("commenter"), body: { text: "First, better" } });
    expect(edited.status).toBe(200);
    expect(CommentThreadSchema.parse(edited.body).comments[0]).toMatchObject({
      text: "First, better",
      editedAt: expect.any(String),
    });
    const reply = await t.request("POST", `${threads()}/${thread.id}/comments`, {
      ...as("editor"),
      body: { text: "Second" },
    });
    const replyId = CommentThreadSchema.parse(reply.body).comments[1]!.id;
    expect((await t.request("DELETE", `${threads()}/${thread.id}/comments/${replyId}`, as("owner"))).status).toBe(200);
    expect((await t.request("DELETE", path, as("commenter"))).status).toBe(200);
    expect((await t.request("GET", `${threads()}/${thread.id}`, as("viewer"))).status).toBe(404);
  });

  it("resolving and reopening move a thread between the open and resolved lists", async () => {
    const thread = await startThread("commenter", { anchor: { kind: "map" }, text: "Fix the copy" });
    const resolved = await t.request("PATCH", `${threads()}/${thread.id}`, {
      ...as("editor"),
      body: { resolved: true },
    });
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedBy: { userId: ws.users.editor.id } });
    const ids = async (status: string) =>
      ((await t.request("GET", `${threads()}?status=${status}`, as("viewer"))).body.threads as CommentThread[]).map(
        (x) => x.id,
      );
    expect([await ids("open"), await ids("resolved")]).toEqual([[], [thread.id]]);
    await t.request("PATCH", `${threads()}/${thread.id}`, { ...as("commenter"), body: { resolved: false } });
    expect([await ids("open"), await ids("resolved")]).toEqual([[thread.id], []]);
  });

  it("a commenter may comment but not edit the map; a viewer and a read-only token may only read", async () => {
    await startThread("commenter", { anchor: { kind: "map" }, text: "Can I?" });
    const edit = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/operations`, {
      ...as("commenter"),
      body: { operations: [{ op: "addStage", name: "Nope" }] },
    });
    expect(edit.status).toBe(403);
    const before = await stored();
    const viewer = await t.request("POST", threads(), {
      ...as("viewer"),
      body: { anchor: { kind: "map" }, text: "Me too" },
    });
    expect([viewer.status, viewer.body.error?.message]).toEqual([
      403,
      "the viewer role cannot comment in this workspace",
    ]);
    const token = await buildTokenHeaders(t.services.db, ws.users.editor.id, "read");
    const byToken = await t.request("POST", threads(), {
      headers: token,
      body: { anchor: { kind: "map" }, text: "Me too" },
    });
    expect(byToken.status).toBe(403);
    expect(await stored()).toEqual(before);
    expect((await t.request("GET", threads(), { headers: token })).status).toBe(200);
  });

  it("another workspace's map and thread ids are not found, and nothing there changes", async () => {
    const thread = await startThread("commenter", { anchor: { kind: "map" }, text: "Ours" });
    const theirMap = await t.services.maps.create({
      workspaceId: other.id,
      createdBy: other.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    const before = await stored();
    // Their member, with our ids in their workspace's path and in ours.
    const probes = [
      ["GET", `/api/workspaces/${other.id}/maps/${mapId}/comment-threads`],
      ["GET", `/api/workspaces/${other.id}/maps/${theirMap.id}/comment-threads/${thread.id}`],
      ["POST", `/api/workspaces/${other.id}/maps/${theirMap.id}/comment-threads/${thread.id}/comments`],
      ["PATCH", `/api/workspaces/${other.id}/maps/${theirMap.id}/comment-threads/${thread.id}`],
      [
        "DELETE",
        `/api/workspaces/${other.id}/maps/${theirMap.id}/comment-threads/${thread.id}/comments/${thread.comments[0]!.id}`,
      ],
      ["GET", threads()],
    ] as const;
    for (const [method, path] of probes) {
      const body = method === "POST" ? { text: "x" } : method === "PATCH" ? { resolved: true } : undefined;
      const res = await t.request(method, path, { headers: other.users.owner.headers, body });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect(await stored()).toEqual(before);
    expect((await t.request("GET", `${threads()}/${thread.id}`, as("viewer"))).body.status).toBe("open");
  });

  it("script and HTML in a comment are stored and returned exactly as sent, as text", async () => {
    const text = `<script>alert("x")</script><img src=x onerror="alert(1)"> & <b>bold</b> {{7*7}}`;
    const thread = await startThread("commenter", { anchor: { kind: "map" }, text });
    const read = await t.request("GET", `${threads()}/${thread.id}`, as("viewer"));
    expect((read.body as unknown as CommentThread).comments[0]!.text).toBe(text);
    expect(read.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("hostile input — huge text, thousands of mentions, unknown anchor kinds — is refused by name and stores nothing", async () => {
    const before = await stored();
    const attempts: Array<[unknown, number, string]> = [
      [{ anchor: { kind: "map" }, text: "x".repeat(10_001) }, 400, "text"],
      [
        { anchor: { kind: "map" }, text: "hi", mentions: Array.from({ length: 5000 }, () => ws.users.editor.id) },
        400,
        "mentions",
      ],
      [{ anchor: { kind: "lane", laneId: "l1" }, text: "hi" }, 400, "anchor.kind"],
      [{ anchor: { kind: "card", cardId: "<script>" }, text: "hi" }, 400, "anchor.cardId"],
      [{ anchor: { kind: "map" }, text: "   " }, 400, "text"],
      [{ anchor: { kind: "map" }, text: "x".repeat(6 * 1024 * 1024) }, 413, ""],
    ];
    for (const [body, status, field] of attempts) {
      const res = await t.request("POST", threads(), { ...as("editor"), body });
      expect([res.status, res.body.error?.issues?.[0]?.path ?? ""]).toEqual([status, field]);
      expect(res.body.error?.message).toBeTruthy();
    }
    expect(await stored()).toEqual(before);
    expect((await t.request("GET", "/api/health")).status).toBe(200);
  });

  it("a deleted card keeps its thread, marked as on deleted content, and the card coming back with its id brings it back", async () => {
    const card = firstCard();
    const cell = snapshot.cells.find((c) => c.cards.some((k) => k.id === card.id))!;
    const thread = await startThread("commenter", { anchor: { kind: "card", cardId: card.id }, text: "Keep this" });
    const operations = `/api/workspaces/${ws.id}/maps/${mapId}/operations`;
    await t.request("POST", operations, {
      ...as("editor"),
      body: { operations: [{ op: "removeCard", cardId: card.id }] },
    });
    const onDeleted = async () =>
      ((await t.request("GET", threads(), as("viewer"))).body.threads as CommentThread[]).map((x) => [
        x.id,
        x.onDeletedContent,
      ]);
    expect(await onDeleted()).toEqual([[thread.id, true]]);
    const { id: _id, evidence: _evidence, ...content } = card as typeof card & { evidence: unknown };
    const back = await t.request("POST", operations, {
      ...as("editor"),
      body: { operations: [{ op: "addCard", id: card.id, laneId: cell.laneId, stepId: cell.stepId, card: content }] },
    });
    expect(back.status).toBe(200);
    expect(await onDeleted()).toEqual([[thread.id, false]]);
  });
});
