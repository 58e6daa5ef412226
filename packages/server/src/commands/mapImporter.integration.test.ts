import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemoWorkspace } from "../demo/seedDemoWorkspace.js";
import { toMapExport } from "../mapExport/mapJsonFormat.js";
import type { Services } from "../services.js";
import { buildWorkspace } from "../testing/factories.js";
import { testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { createTestServices } from "../testing/testServices.js";
import { importMapJson } from "./mapImporter.js";
import { findPersonas } from "./personaCreator.js";
import { touchpointOf } from "./touchpointCreator.js";

describe.each(testDialects)("JSON map import on %s", (dialect) => {
  let t: TestDatabase;
  let services: Services;
  beforeEach(async () => {
    ({ t, services } = await createTestServices(dialect));
  });
  afterEach(() => t.dispose());

  async function exportDemoMap() {
    const target = await buildWorkspace(t.db);
    const { workspaceId, mapIds } = await seedDemoWorkspace(services, target.users.owner.id);
    const snapshot = await services.maps.readSnapshot(mapIds[0]!);
    const personas = await findPersonas(t.db, workspaceId, snapshot.settings.personaIds);
    const touchpoints = (
      await t.db.kysely.selectFrom("touchpoints").selectAll().where("workspace_id", "=", workspaceId).execute()
    ).map(touchpointOf);
    return {
      target,
      snapshot,
      json: JSON.parse(
        JSON.stringify(
          toMapExport(
            { id: mapIds[0]!, title: "x", type: "currentState", status: "draft" },
            snapshot,
            personas,
            touchpoints,
          ),
        ),
      ),
    };
  }

  it("brings a map into another workspace with its personas and touchpoints, references rewritten", async () => {
    const { target, snapshot, json } = await exportDemoMap();
    const result = await importMapJson(services, { workspaceId: target.id, userId: target.users.owner.id, json });
    const imported = await services.maps.readSnapshot(result.mapId);
    const newTouchpoints = new Set(
      (await t.db.kysely.selectFrom("touchpoints").select("id").where("workspace_id", "=", target.id).execute()).map(
        (r) => r.id,
      ),
    );
    const cards = imported.cells.flatMap((c) => c.cards).filter((c) => c.kind === "touchpoint");
    expect(cards.length).toBe(snapshot.cells.flatMap((c) => c.cards).filter((c) => c.kind === "touchpoint").length);
    for (const card of cards) if (card.kind === "touchpoint") expect(newTouchpoints).toContain(card.touchpointId);
    expect(imported.emotions.map((e) => e.personaId)).toEqual(imported.emotions.map(() => result.personaIds[0]));
    expect(result.report.dropped).toEqual([]);
  });

  it("drops references it cannot resolve and says which", async () => {
    const { target, json } = await exportDemoMap();
    const bare = json.snapshot;
    const result = await importMapJson(services, { workspaceId: target.id, userId: target.users.owner.id, json: bare });
    expect(result.report.dropped).toContainEqual(
      expect.objectContaining({ path: "settings.personaIds[0]", reason: expect.stringMatching(/^no persona /) }),
    );
    expect(result.report.dropped).toContainEqual(
      expect.objectContaining({
        path: expect.stringMatching(/^cells\[\d+\]\.cards\[\d+\]$/),
        reason: expect.stringMatching(/^no touchpoint /),
      }),
    );
    const imported = await services.maps.readSnapshot(result.mapId);
    expect(imported.emotions).toEqual([]);
    expect(imported.cells.flatMap((c) => c.cards).some((c) => c.kind === "touchpoint")).toBe(false);
  });

  it("creates nothing when the file is invalid", async () => {
    const { target, json } = await exportDemoMap();
    const before = await t.db.kysely.selectFrom("personas").select("id").execute();
    const bad = { ...json, touchpoints: [{ ...json.touchpoints[0], medium: "telepathy" }] };
    await expect(
      importMapJson(services, { workspaceId: target.id, userId: target.users.owner.id, json: bad }),
    ).rejects.toThrow(/touchpoints\[0\]\.medium/);
    expect(await t.db.kysely.selectFrom("personas").select("id").execute()).toHaveLength(before.length);
  });
});
