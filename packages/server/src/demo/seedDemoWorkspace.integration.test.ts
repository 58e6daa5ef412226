import { validateSnapshotIntegrity } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../services.js";
import { buildUser } from "../testing/factories.js";
import { testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { createTestServices } from "../testing/testServices.js";
import { DEMO_MAPS } from "./demoContent.js";
import { seedDemoWorkspace } from "./seedDemoWorkspace.js";

describe.each(testDialects)("demo workspace on %s", (dialect) => {
  let t: TestDatabase;
  let services: Services;
  beforeEach(async () => {
    ({ t, services } = await createTestServices(dialect));
  });
  afterEach(() => t.dispose());

  it("has three personas, touchpoints and four filled maps from different templates, one not in English", async () => {
    const owner = await buildUser(t.db);
    const { workspaceId, mapIds } = await seedDemoWorkspace(services, owner.id);
    const personas = await t.db.kysely
      .selectFrom("personas")
      .select(["id", "data"])
      .where("workspace_id", "=", workspaceId)
      .execute();
    expect(personas).toHaveLength(3);
    const kinds = personas.map((p) => JSON.parse(p.data) as { kind: string; buyingCommittee: unknown[] });
    expect(kinds.some((p) => p.kind === "b2b" && p.buyingCommittee.length >= 3)).toBe(true);
    const personaIds = new Set(personas.map((p) => p.id));
    const touchpointIds = new Set(
      (await t.db.kysely.selectFrom("touchpoints").select("id").where("workspace_id", "=", workspaceId).execute()).map(
        (r) => r.id,
      ),
    );
    expect(mapIds).toHaveLength(DEMO_MAPS.length);
    const templates = new Set<string>();
    const locales = new Set<string>();
    const goals: string[] = [];
    for (const id of mapIds) {
      const snapshot = await services.maps.readSnapshot(id);
      validateSnapshotIntegrity(snapshot);
      templates.add(snapshot.settings.templateId!);
      locales.add(snapshot.settings.locale);
      const cards = snapshot.cells.flatMap((c) => c.cards);
      expect(cards.filter((c) => c.kind === "painPoint").length).toBeGreaterThanOrEqual(2);
      expect(cards.filter((c) => c.kind === "quote").length).toBeGreaterThanOrEqual(1);
      for (const card of cards) if (card.kind === "touchpoint") expect(touchpointIds).toContain(card.touchpointId);
      expect(snapshot.emotions.length).toBeGreaterThanOrEqual(snapshot.steps.length);
      for (const e of snapshot.emotions) expect(personaIds).toContain(e.personaId);
      // Each demo journey marks its goal, so the data view never calls the optional steps after it drop-off.
      goals.push(...snapshot.steps.filter((s) => s.goal).map((s) => s.name));
    }
    expect(goals.sort()).toEqual(["First restore test", "Pays", "Procurement signs", "下单支付"]);
    expect(templates.size).toBe(mapIds.length);
    expect([...locales].some((l) => l !== "en")).toBe(true);
  });

  it("leaves nothing behind when seeding fails half-way", async () => {
    const owner = await buildUser(t.db);
    const failing: Services = {
      ...services,
      maps: { ...services.maps, create: () => Promise.reject(new Error("disk full")) },
    };
    await expect(seedDemoWorkspace(failing, owner.id)).rejects.toThrow("disk full");
    expect(await t.db.kysely.selectFrom("workspaces").selectAll().execute()).toEqual([]);
    expect(await t.db.kysely.selectFrom("personas").selectAll().execute()).toEqual([]);
  });
});
