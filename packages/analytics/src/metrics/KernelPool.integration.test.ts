import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type * as Index from "../index.js";

// Worker threads run compiled JavaScript, so this test drives the built package (npm run build).
const dist = new URL("../../dist/index.js", import.meta.url);
const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe("the kernel on worker threads", () => {
  it("gives exactly the answers of the single-threaded kernel (the compiled package is required)", async () => {
    expect(existsSync(fileURLToPath(dist)), "run `npm run build` first").toBe(true);
    const A = (await import(dist.href)) as typeof Index;
    const { buildTestMap, testRule } = await import("./testing/buildTestMap.js");
    // Generating the events needs no worker, so the test kit comes from the source.
    const { generateSyntheticEvents } = await import("../testing/index.js");
    const db = await A.openEventDatabase(":memory:", "ws");
    open.push(db);
    // Enough customers per range that the results' buffers are reused by later runs (spareBuffers).
    await generateSyntheticEvents(db, {
      customers: 40_000,
      events: 120_000,
      eventNames: ["a", "b", "c", "d", "e", "f"],
      scorePercent: 10,
      textPercent: 10,
      propertiesPercent: 30,
      seed: 5,
    });
    await A.rebuildJourneyStore(db);
    const map = buildTestMap([
      {
        name: "One",
        steps: [
          { name: "a", touchpoints: ["tp_a"] },
          { name: "b", touchpoints: ["tp_b"] },
        ],
      },
      {
        name: "Two",
        steps: [
          { name: "c", touchpoints: ["tp_c"] },
          { name: "d", touchpoints: ["tp_d"], parallel: true },
        ],
      },
    ]);
    const rules = [
      testRule("tp_a", { eventNames: ["a"] }),
      testRule("tp_b", { eventNames: ["b"], conditions: [{ property: "page", operator: "neq", value: "/p1" }] }),
      testRule("tp_c", { pattern: "c" }),
      testRule("tp_d", { eventNames: ["d"] }),
    ];
    const strip = (m: Awaited<ReturnType<typeof A.computeMapMetrics>>) => ({
      ...m,
      computedAt: "",
      draft: m.draft.steps.map((s) => s.name),
    });
    // Loose, then strict: the second run fills buffers of other sizes that the first handed back.
    for (const order of ["loose", "strict"] as const) {
      const input = { map, rules, request: { options: { topPaths: 50, order } } };
      const threaded = await A.computeMapMetrics(db, input, { partitions: 2, workers: true });
      const inline = await A.computeMapMetrics(db, input, { partitions: 1, workers: false });
      expect(strip(threaded)).toEqual(strip(inline));
      expect(threaded.totals.customers).toBe(40_000);
    }
  });

  it("answers many requests at once, each exactly as the single-threaded kernel does", async () => {
    expect(existsSync(fileURLToPath(dist)), "run `npm run build` first").toBe(true);
    const A = (await import(dist.href)) as typeof Index;
    const { buildTestMap, testRule } = await import("./testing/buildTestMap.js");
    const { generateSyntheticEvents } = await import("../testing/index.js");
    const db = await A.openEventDatabase(":memory:", "ws");
    open.push(db);
    await generateSyntheticEvents(db, { customers: 5_000, events: 20_000, eventNames: ["a", "b", "c"], seed: 9 });
    await A.rebuildJourneyStore(db);
    const map = buildTestMap([
      {
        name: "One",
        steps: [
          { name: "a", touchpoints: ["tp_a"] },
          { name: "b", touchpoints: ["tp_b"] },
          { name: "c", touchpoints: ["tp_c"] },
        ],
      },
    ]);
    const rules = ["a", "b", "c"].map((e) => testRule(`tp_${e}`, { eventNames: [e] }));
    // The drafted map's ids are random; its steps are what the kernel decides.
    const strip = (m: Awaited<ReturnType<typeof A.computeMapMetrics>>) => ({
      ...m,
      computedAt: "",
      draft: m.draft.steps.map((s) => s.name),
    });
    // More requests than a worker holds runs for, queued on the workers before the first one's second round.
    const requests = Array.from({ length: 12 }, (_, i) => ({
      map,
      rules,
      request: { options: { topPaths: 1 + (i % 4), order: i % 2 === 0 ? ("loose" as const) : ("strict" as const) } },
    }));
    const threaded = await Promise.all(
      requests.map((input) => A.computeMapMetrics(db, input, { partitions: 2, workers: true })),
    );
    for (const [i, input] of requests.entries())
      expect(strip(threaded[i]!)).toEqual(strip(await A.computeMapMetrics(db, input, { workers: false })));
  });
});
