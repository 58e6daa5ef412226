import { applyMapOperations, buildMapFromTemplate, mapRoots, type MapSnapshot } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";

/**
 * Issue 12: reading a map never silently drops stored content. A card that no longer fits its schema (from an older
 * version, or damaged) comes back in `unreadableCards` on every read and in the JSON export, and is repaired with the
 * `replaceCard` operation (or removed).
 */
describe("a map with a card that cannot be read", () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  let brokenId: string;

  beforeAll(async () => {
    t = await createTestApp("sqlite");
    ws = await buildWorkspace(t.services.db);
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
    const lane = snapshot.lanes.find((l) => l.type === "painPoints")!;
    const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
    base = `/api/workspaces/${ws.id}/maps/${map.id}`;
    await t.services.maps.edit(
      map.id,
      (doc) => {
        const [added] = applyMapOperations(doc, [
          {
            op: "addCard",
            laneId: lane.id,
            stepId: snapshot.steps[0]!.id,
            card: { kind: "painPoint", text: "Delivery costs shown late", severity: 4 },
          },
        ]);
        brokenId = added!.id!;
        mapRoots(doc).cards.get(brokenId)!.set("severity", "very high");
      },
      "test",
    );
  });
  afterAll(() => t.dispose());

  it("lists it on read and in the JSON export, with its text and the problem", async () => {
    const read = await t.request("GET", base, { headers: ws.users.viewer.headers });
    const snapshot = read.body.snapshot as MapSnapshot;
    expect(snapshot.unreadableCards).toEqual([
      expect.objectContaining({
        id: brokenId,
        fields: expect.objectContaining({ text: "Delivery costs shown late" }),
        problem: expect.stringContaining("severity"),
      }),
    ]);
    const exported = await t.request("GET", `${base}/export?format=json`, { headers: ws.users.viewer.headers });
    expect(JSON.stringify(exported.body)).toContain("Delivery costs shown late");
  });

  it("is repaired in place by an editor with replaceCard", async () => {
    const res = await t.request("POST", `${base}/operations`, {
      headers: ws.users.editor.headers,
      body: {
        operations: [
          {
            op: "replaceCard",
            cardId: brokenId,
            card: { kind: "painPoint", text: "Delivery costs shown late", severity: 5 },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const snapshot = res.body.snapshot as MapSnapshot;
    expect(snapshot.unreadableCards).toBeUndefined();
    expect(snapshot.cells.flatMap((c) => c.cards).find((c) => c.id === brokenId)).toMatchObject({
      text: "Delivery costs shown late",
      severity: 5,
    });
  });
});
