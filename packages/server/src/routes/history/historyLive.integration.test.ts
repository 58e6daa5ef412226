import { applyMapOperations, docToSnapshot, type MapSnapshot } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../startServer.js";
import type { TestWorkspace } from "../../testing/factories.js";
import { startLiveMapFixture, type LiveMapFixture } from "../../testing/liveMapFixture.js";
import { testDialects } from "../../testing/testDatabases.js";

/** Version history with people on the map: live edits name their authors, and a restore reaches everyone at once. */
describe.each(testDialects)("version history with live editors on %s", (dialect) => {
  let fixture: LiveMapFixture;
  let server: RunningServer;
  let ws: TestWorkspace;
  let mapId: string;

  beforeEach(async () => {
    fixture = await startLiveMapFixture(dialect, "history", {
      // Checkpoints are taken by the test (or when everyone leaves), not by the clock.
      checkpointPauseMs: 3_600_000,
      checkpointEveryMs: 3_600_000,
    });
    ({ server, ws, mapId } = fixture);
  });

  afterEach(() => fixture.close());

  const connectAs = (cookie: string) => fixture.connect(cookie);
  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${server.url}/api/workspaces/${ws.id}/maps/${mapId}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("a restore reaches a colleague on the map at once, and live edits name their author", async () => {
    const member = await connectAs(ws.users.editor.cookie);
    const colleague = await connectAs(ws.users.owner.cookie);
    const named = await request("POST", "/versions", ws.users.editor.headers, { name: "Before the workshop" });
    expect(named.status).toBe(201);
    const { id: versionId } = (await named.json()) as { id: string };
    const before = docToSnapshot(member.doc);

    const step = before.steps[0]!;
    applyMapOperations(member.doc, [{ op: "updateStep", stepId: step.id, name: "Renamed live" }]);
    applyMapOperations(member.doc, [{ op: "deleteStep", stepId: before.steps[1]!.id }]);
    await member.flushed();
    await expect.poll(() => docToSnapshot(colleague.doc).steps[0]!.name).toBe("Renamed live");
    const checkpoint = await server.services.maps.history.checkpoint(mapId);
    expect(checkpoint?.authors.map((a) => a.userId)).toEqual([ws.users.editor.id]);

    const restored = await request("POST", `/versions/${versionId}/restore`, ws.users.editor.headers);
    expect(restored.status).toBe(200);
    const body = (await restored.json()) as { snapshot: MapSnapshot };
    expect(body.snapshot).toEqual(before);
    await expect.poll(() => docToSnapshot(colleague.doc)).toEqual(before);
    await expect.poll(() => docToSnapshot(member.doc)).toEqual(before);

    // The map goes on being edited live after the restore.
    applyMapOperations(colleague.doc, [{ op: "updateStep", stepId: step.id, name: "After the restore" }]);
    await colleague.flushed();
    await expect.poll(() => docToSnapshot(member.doc).steps[0]!.name).toBe("After the restore");
    const stored = (await (await request("GET", "", ws.users.viewer.headers)).json()) as { snapshot: MapSnapshot };
    expect(stored.snapshot.steps[0]!.name).toBe("After the restore");
  });

  it("takes the checkpoint when the last editor leaves the map", async () => {
    const member = await connectAs(ws.users.editor.cookie);
    applyMapOperations(member.doc, [
      { op: "updateStep", stepId: docToSnapshot(member.doc).steps[0]!.id, name: "Left after this" },
    ]);
    await member.flushed();
    member.destroy();
    await expect
      .poll(
        async () =>
          (
            await server.services.db.kysely
              .selectFrom("map_versions")
              .select("kind")
              .where("map_id", "=", mapId)
              .execute()
          ).map((r) => r.kind),
        { timeout: 20_000 },
      )
      .toEqual(expect.arrayContaining(["created", "auto"]));
  });
});
