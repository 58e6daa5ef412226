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
});
