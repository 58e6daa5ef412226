import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { measureMapDrift } from "../commands/driftDetector.js";
import { measureIdeaEffect } from "../commands/ideaEffectMeasurer.js";
import { listIdeas } from "../commands/ideaLister.js";
import type { Services } from "../services.js";
import { buildUser } from "../testing/factories.js";
import { testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { createTestServices } from "../testing/testServices.js";
import { seedDemoEvidence } from "./seedDemoEvidence.js";
import { seedDemoWorkspace } from "./seedDemoWorkspace.js";

describe.each(testDialects)("demo ideas on %s", (dialect) => {
  let t: TestDatabase;
  let services: Services;
  beforeEach(async () => {
    ({ t, services } = await createTestServices(dialect));
  });
  afterEach(() => t.dispose());

  it(
    "a newcomer sees a scored backlog, the shipped idea's effect as improved, and the carrier's drift flagged",
    { timeout: 240_000 },
    async () => {
      const owner = await buildUser(t.db);
      const { workspaceId, mapIds } = await seedDemoWorkspace(services, owner.id);
      await seedDemoEvidence(services, workspaceId, { customers: 20_000 });

      const ideas = await listIdeas(services, workspaceId, {});
      expect(ideas.length).toBeGreaterThanOrEqual(4);
      expect(ideas.every((i) => i.ice !== null && i.rice !== null)).toBe(true);
      const shipped = ideas.filter((i) => i.status === "shipped");
      expect(shipped.map((i) => i.title)).toEqual(["Show delivery cost and date on the product page"]);

      // The demo data's carts are abandoned less from the ship date on: the cart's conversion KPI improved.
      const effect = await measureIdeaEffect(services, workspaceId, shipped[0]!.id, 28);
      expect(effect.ready).toBe(true);
      const [kpi] = effect.kpis;
      expect(kpi).toMatchObject({ name: "Carts that are paid", verdict: "improved", test: "twoProportionZ" });
      expect(kpi!.change!).toBeGreaterThan(0);
      expect(kpi!.interval![0]).toBeGreaterThan(0);

      // The carrier got slower in the data's last weeks: the map flags the wait between tracking and pick-up.
      const drift = await measureMapDrift(services, workspaceId, mapIds[0]!);
      const tracking = drift.steps.find((s) => s.name === "Tracks the parcel")!;
      expect(tracking.measures.find((m) => m.measure === "medianTime")).toMatchObject({ flagged: true, better: false });
      const flaggedSteps = drift.steps.filter((s) => s.measures.some((m) => m.flagged)).map((s) => s.name);
      expect(flaggedSteps).toContain("Tracks the parcel");
      // Steps the demo did not change are not flagged.
      expect(flaggedSteps).not.toContain("Sees a spring-race ad");
    },
  );
});
