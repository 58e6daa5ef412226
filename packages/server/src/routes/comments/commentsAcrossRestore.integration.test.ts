import type { CommentThread, MapSnapshot } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { templateMapWithCard } from "../../testing/templateMapWithCard.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("comment threads across a version restore on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterAll(() => t.dispose());

  it("threads on a deleted card and step are marked as on deleted content, and restoring a version brings them back in place", async () => {
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      // Templates hold no cards (their prompts are placeholders): the test needs one to comment on.
      snapshot: templateMapWithCard("ecommerce", "actions", { kind: "action", text: "Searches for running shoes" }),
    });
    const base = `/api/workspaces/${ws.id}/maps/${map.id}`;
    const snapshot: MapSnapshot = await t.services.maps.readSnapshot(map.id);
    // A card on one step, and another step whose deletion takes its cards with it.
    const cardCell = snapshot.cells.find((c) => c.cards.length > 0)!;
    const card = cardCell.cards[0]!;
    const step = snapshot.steps.find((s) => s.id !== cardCell.stepId)!;

    const start = async (anchor: Record<string, string>, text: string) => {
      const res = await t.request("POST", `${base}/comment-threads`, {
        headers: ws.users.commenter.headers,
        body: { anchor, text },
      });
      expect([res.status, res.body.error]).toEqual([201, undefined]);
      return (res.body as unknown as CommentThread).id;
    };
    const onCard = await start({ kind: "card", cardId: card.id }, "Is this card still right?");
    const onStep = await start({ kind: "step", stepId: step.id }, "Do customers really do this?");
    const deleted = async () =>
      Object.fromEntries(
        (
          (await t.request("GET", `${base}/comment-threads`, { headers: ws.users.viewer.headers })).body
            .threads as CommentThread[]
        ).map((x) => [x.id, x.onDeletedContent]),
      );

    const named = await t.request("POST", `${base}/versions`, {
      headers: ws.users.editor.headers,
      body: { name: "Before the clean-up" },
    });
    expect(named.status).toBe(201);
    const edited = await t.request("POST", `${base}/operations`, {
      headers: ws.users.editor.headers,
      body: {
        operations: [
          { op: "removeCard", cardId: card.id },
          { op: "deleteStep", stepId: step.id },
        ],
      },
    });
    expect(edited.status).toBe(200);
    expect(await deleted()).toEqual({ [onCard]: true, [onStep]: true });

    const restored = await t.request("POST", `${base}/versions/${(named.body as { id: string }).id}/restore`, {
      headers: ws.users.editor.headers,
    });
    expect(restored.status).toBe(200);
    expect(await deleted()).toEqual({ [onCard]: false, [onStep]: false });
    // Each thread is on the very card and step it was written on, with its words intact.
    const threads = (await t.request("GET", `${base}/comment-threads`, { headers: ws.users.viewer.headers })).body
      .threads as CommentThread[];
    expect(threads.map((x) => [x.anchor, x.comments[0]!.text]).sort()).toEqual(
      [
        [{ kind: "card", cardId: card.id }, "Is this card still right?"],
        [{ kind: "step", stepId: step.id }, "Do customers really do this?"],
      ].sort(),
    );
  });
});
