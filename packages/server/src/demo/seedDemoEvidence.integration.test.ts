import { getSegmentSize, getUnmatchedEvents, listSources } from "@opencjm/analytics";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { metricsForMap } from "../commands/metricsForMap.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";
import type { Services } from "../services.js";
import { buildUser } from "../testing/factories.js";
import { testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { createTestServices } from "../testing/testServices.js";
import { DEMO_PERSONAS } from "./demoContent.js";
import { generateDemoEvents } from "./demoEvents.js";
import { seedDemoEvidence } from "./seedDemoEvidence.js";
import { seedDemoWorkspace } from "./seedDemoWorkspace.js";

describe("demo event data", () => {
  it("is the same on every run and covers four sources, three score scales and five languages", () => {
    const a = generateDemoEvents(500);
    expect(generateDemoEvents(500)).toEqual(a);
    expect(generateDemoEvents(500, 7).files.web).not.toBe(a.files.web);
    expect(Object.values(a.events).every((n) => n > 0)).toBe(true);
    for (const scale of ["csat", "nps", "ces"]) expect(a.files.survey).toContain(`,${scale},`);
    for (const text of ["Delivery", "运费", "運費", "доставки", "ارسال"])
      expect(a.files.survey + a.files.support).toContain(text);
  });
});

describe.each(testDialects)("demo evidence on %s", (dialect) => {
  let t: TestDatabase;
  let services: Services;
  beforeEach(async () => {
    ({ t, services } = await createTestServices(dialect));
  });
  afterEach(() => t.dispose());

  it("imports the demo data through the real pipeline, links it to the demo map, and lights the map up", async () => {
    const owner = await buildUser(t.db);
    const { workspaceId, mapIds } = await seedDemoWorkspace(services, owner.id);
    const result = await seedDemoEvidence(services, workspaceId, { customers: 3000 });
    expect(result).toMatchObject({ sources: 4, rules: 12 });
    const events = await services.analytics.open(workspaceId);
    expect((await listSources(events.connection)).map((s) => s.events).every((n) => n > 0)).toBe(true);

    const { metrics } = await metricsForMap(services, workspaceId, mapIds[0]!, { filters: {}, options: {} as never });
    expect(metrics.totals.events).toBe(result!.events);
    // Every step of the shoes map has customers, fewer further down the funnel.
    for (const step of metrics.steps) expect([step.name, step.customers > 0]).toEqual([step.name, true]);
    const reach = (name: string) => metrics.steps.find((s) => s.name === name)!.customers;
    expect(reach("Compares three models")).toBeGreaterThan(reach("Adds to cart"));
    expect(reach("Adds to cart")).toBeGreaterThan(reach("Pays"));
    // Identities stitched across systems: every payer (a cookie that logged in with an e-mail) is the same customer
    // the CRM sends the order e-mail to.
    expect(reach("Gets the confirmation")).toBe(reach("Pays"));
    const pays = metrics.steps.find((s) => s.name === "Pays")!;
    expect(pays.scores.ces.count).toBeGreaterThan(0);
    expect(pays.emotion.value).not.toBeNull();
    const languages = new Set(metrics.steps.flatMap((s) => s.sentiment.quotes.map((q) => q.language)));
    expect(languages.size).toBeGreaterThanOrEqual(3);
    expect(metrics.conformance.missingTouchpoints.map((m) => m.label)).toContain("Support ticket");
    expect(
      (await getUnmatchedEvents(events.connection, await listTouchpointRules(t.db, workspaceId))).items
        .map((i) => i.eventName)
        .sort(),
    ).toEqual(["blog_article_view"]);
    const lena = await getSegmentSize(events.connection, DEMO_PERSONAS.lena!.segment!);
    expect(lena.customers).toBeGreaterThan(0);
    expect(lena.customers).toBeLessThan(lena.total);

    // A second run leaves the workspace alone.
    expect(await seedDemoEvidence(services, workspaceId, { customers: 10 })).toBeNull();
  });
});
