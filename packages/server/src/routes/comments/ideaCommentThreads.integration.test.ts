import { buildMapFromTemplate, CommentThreadListSchema, CommentThreadSchema, IdeaSchema } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("comment threads on ideas on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let mapId: string;
  const threads = () => `/api/workspaces/${ws.id}/maps/${mapId}/comment-threads`;
  const as = (role: keyof TestWorkspace["users"], w: TestWorkspace = ws) => ({ headers: w.users[role].headers });
  const threadCount = async () =>
    Number(
      (
        await t.services.db.kysely
          .selectFrom("comment_threads")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newIdea = async (w: TestWorkspace, title: string) => {
    const res = await t.request("POST", `/api/workspaces/${w.id}/ideas`, { ...as("editor", w), body: { title } });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    return IdeaSchema.parse(res.body);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    other = await buildWorkspace(t.services.db);
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    mapId = map.id;
  });
  afterAll(() => t.dispose());

  it("a commenter opens a thread on an idea mentioning a member, an editor replies, and both are told", async () => {
    const idea = await newIdea(ws, "One-page checkout");
    const res = await t.request("POST", threads(), {
      ...as("commenter"),
      body: {
        anchor: { kind: "idea", ideaId: idea.id },
        text: "@viewer is this worth it?",
        mentions: [ws.users.viewer.id],
      },
    });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    const thread = CommentThreadSchema.parse(res.body);
    expect(thread).toMatchObject({ anchor: { kind: "idea", ideaId: idea.id }, onDeletedContent: false });
    const reply = await t.request("POST", `${threads()}/${thread.id}/comments`, {
      ...as("editor"),
      body: { text: "Yes: a third leave at the address form" },
    });
    expect(reply.status).toBe(201);

    const listed = CommentThreadListSchema.parse(
      (await t.request("GET", `${threads()}?anchorKind=idea`, as("viewer"))).body,
    );
    expect(listed.threads.map((x) => [x.anchor, x.comments.map((c) => [c.author.name, c.text])])).toEqual([
      [
        { kind: "idea", ideaId: idea.id },
        [
          ["commenter user", "@viewer is this worth it?"],
          ["editor user", "Yes: a third leave at the address form"],
        ],
      ],
    ]);
    const told = await t.services.db.kysely
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("subject_id", "=", thread.id)
      .orderBy("created_at")
      .execute();
    expect(told.map((n) => [n.user_id, n.kind])).toEqual([
      [ws.users.viewer.id, "mention"],
      [ws.users.commenter.id, "reply"],
    ]);
  });

  it("an idea of another workspace, or none, is refused by name and nothing is stored; a viewer may not comment", async () => {
    const theirs = await newIdea(other, "Their idea");
    const before = await threadCount();
    for (const ideaId of [theirs.id, "no_such_idea"]) {
      const res = await t.request("POST", threads(), {
        ...as("editor"),
        body: { anchor: { kind: "idea", ideaId }, text: "Peek" },
      });
      expect([res.status, res.body.error?.code, res.body.error?.message]).toEqual([
        400,
        "anchor_not_found",
        "anchor: this workspace has no idea with that id",
      ]);
    }
    const ours = await newIdea(ws, "Ours");
    const viewer = await t.request("POST", threads(), {
      ...as("viewer"),
      body: { anchor: { kind: "idea", ideaId: ours.id }, text: "Hi" },
    });
    expect(viewer.status).toBe(403);
    // Their owner, on their own map, naming our idea.
    const theirMap = await t.services.maps.create({
      workspaceId: other.id,
      createdBy: other.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    const stranger = await t.request("POST", `/api/workspaces/${other.id}/maps/${theirMap.id}/comment-threads`, {
      ...as("owner", other),
      body: { anchor: { kind: "idea", ideaId: ours.id }, text: "Hi" },
    });
    expect([stranger.status, stranger.body.error?.code]).toEqual([400, "anchor_not_found"]);
    expect(await threadCount()).toBe(before);
  });

  it("a deleted idea keeps its thread, marked as on deleted content", async () => {
    const idea = await newIdea(ws, "Short-lived");
    const res = await t.request("POST", threads(), {
      ...as("editor"),
      body: { anchor: { kind: "idea", ideaId: idea.id }, text: "Before it goes" },
    });
    const thread = CommentThreadSchema.parse(res.body);
    const gone = await t.request("DELETE", `/api/workspaces/${ws.id}/ideas/${idea.id}`, as("editor"));
    expect(gone.status).toBeLessThan(300);
    const read = await t.request("GET", `${threads()}/${thread.id}`, as("viewer"));
    expect(read.status).toBe(200);
    expect(CommentThreadSchema.parse(read.body).onDeletedContent).toBe(true);
  });
});
