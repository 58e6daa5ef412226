import { CommentsChangedMessageSchema, type CommentThread } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../startServer.js";
import type { CollabClient } from "../../testing/collabClient.js";
import type { TestWorkspace } from "../../testing/factories.js";
import { startLiveMapFixture, type LiveMapFixture } from "../../testing/liveMapFixture.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("comments live on %s", (dialect) => {
  let fixture: LiveMapFixture;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;

  beforeEach(async () => {
    fixture = await startLiveMapFixture(dialect, "comments");
    ({ server, ws, mapId } = fixture);
  });

  afterEach(() => fixture.close());

  /** The "comments changed" messages a client on the map hears, as they arrive. */
  function heard(client: CollabClient): Array<{ type: string; threadId: string }> {
    const messages: Array<{ type: string; threadId: string }> = [];
    client.provider.on("stateless", ({ payload }: { payload: string }) =>
      messages.push(CommentsChangedMessageSchema.parse(JSON.parse(payload))),
    );
    return messages;
  }

  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((r) => setTimeout(r, 10));
  }

  it("everyone on the map, viewers included, hears which thread changed when a commenter writes, replies and resolves", async () => {
    const viewer = await fixture.connect(ws.users.viewer.cookie);
    const editor = await fixture.connect(ws.users.editor.cookie);
    const [toViewer, toEditor] = [heard(viewer), heard(editor)];
    const base = `${server.url}/api/workspaces/${ws.id}/maps/${mapId}/comment-threads`;
    const send = async (method: string, path: string, body: unknown) => {
      const res = await fetch(path, { method, headers: ws.users.commenter.headers, body: JSON.stringify(body) });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as CommentThread;
    };
    const thread = await send("POST", base, { anchor: { kind: "map" }, text: "Look at this" });
    await until(() => toViewer.length === 1 && toEditor.length === 1);
    expect(toViewer).toEqual([{ type: "comments", threadId: thread.id }]);
    await send("POST", `${base}/${thread.id}/comments`, { text: "And this" });
    await send("PATCH", `${base}/${thread.id}`, { resolved: true });
    await until(() => toViewer.length === 3 && toEditor.length === 3);
    expect(new Set([...toViewer, ...toEditor].map((m) => m.threadId))).toEqual(new Set([thread.id]));
  });
});
