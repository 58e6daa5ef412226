import { rebuildJourneyStore, seededRandom } from "@opencjm/analytics";
import { insertTestEvents, type TestEvent } from "@opencjm/analytics/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { openShop } from "./kpiShopFixture.js";

const DAY = 86_400_000;
const MINUTE = 60_000;
/** A ship date months after the shop's own events, so both windows hold only the customers made here. */
const SHIP = "2024-06-01T00:00:00.000Z";
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * 20 customers a day for the 28 days before the ship date and the 28 after it. Each sees the ad and reaches pricing
 * 20 minutes later before the ship date and 14 minutes later after it (the idea's effect: 6 minutes faster), ± up to
 * 8 minutes; each then orders 30 minutes (± up to 10) after pricing in both periods (no effect there).
 */
function timedLog(): TestEvent[] {
  const random = seededRandom(2024);
  const shipped = Date.parse(SHIP);
  const events: TestEvent[] = [];
  for (let day = -28; day < 28; day++)
    for (let k = 0; k < 20; k++) {
      const customer = 100_000 + (day + 28) * 20 + k;
      const seen = shipped + day * DAY + k * 50 * MINUTE;
      const toPricing = ((day < 0 ? 20 : 14) + (random() - 0.5) * 16) * MINUTE;
      const toOrder = (30 + (random() - 0.5) * 20) * MINUTE;
      events.push({ customer, at: iso(seen), name: "ad_click", channel: "web" });
      events.push({ customer, at: iso(seen + toPricing), name: "pricing", channel: "web" });
      events.push({ customer, at: iso(seen + toPricing + toOrder), name: "order", channel: "web" });
    }
  return events;
}

type Effect = {
  kpis: Array<{
    verdict: string;
    test: string;
    change: number;
    interval: [number, number];
    before: { value: number; sample: number };
    after: { value: number; sample: number };
  }>;
};

describe.each(testDialects)("The measured effect of a shipped idea on a time, on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  const as = (role: "editor" | "viewer" = "editor") => ({ headers: ws.users[role].headers });
  const ideas = () => `/api/workspaces/${ws.id}/ideas`;

  beforeEach(async () => {
    ({ t, ws, mapId } = await openShop(dialect));
    const events = await t.services.analytics.open(ws.id);
    await insertTestEvents(events, timedLog());
    await rebuildJourneyStore(events);
  });
  afterEach(() => t.dispose());

  const timeKpi = async (stepId: string) => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/kpis`, {
      ...as(),
      body: {
        name: `Median time from ${stepId}`,
        anchor: { kind: "step", mapId, stepId },
        source: { kind: "data", measure: "medianTime" },
        direction: "lower",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return (res.body as { id: string }).id;
  };

  it("finds a time made 6 minutes faster, with an interval of that shift, and no change where there was none", async () => {
    const kpiIds = [await timeKpi("p_ad"), await timeKpi("p_pricing")];
    const created = await t.request("POST", ideas(), { ...as(), body: { title: "Prices on the ad", kpiIds } });
    const id = (created.body as { id: string }).id;
    for (const status of ["approved", "inProgress"])
      await t.request("POST", `${ideas()}/${id}/status`, { ...as(), body: { status } });
    const shipped = await t.request("POST", `${ideas()}/${id}/status`, {
      ...as(),
      body: { status: "shipped", at: SHIP },
    });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);

    const res = await t.request("GET", `${ideas()}/${id}/kpi-effect?trialDays=28`, as("viewer"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [faster, same] = (res.body as unknown as Effect).kpis;

    // The customers' times to pricing: about 20 minutes before, 14 after, over 28 days each.
    expect(faster).toMatchObject({ test: "mannWhitney", verdict: "improved", before: { sample: 28 } });
    expect(Math.abs(faster!.before.value / MINUTE - 20)).toBeLessThan(1);
    expect(Math.abs(faster!.after.value / MINUTE - 14)).toBeLessThan(1);
    // The change shown is the shift its interval is about: within it, negative, and the interval covers the true −6.
    const [low, high] = faster!.interval;
    expect(faster!.change).toBeGreaterThanOrEqual(low);
    expect(faster!.change).toBeLessThanOrEqual(high);
    expect(low).toBeLessThan(-6 * MINUTE);
    expect(high).toBeGreaterThan(-6 * MINUTE);
    expect(high).toBeLessThan(0);

    // Pricing to order took as long after the ship date as before: no detectable change, and 0 within the interval.
    expect(same).toMatchObject({ test: "mannWhitney", verdict: "noChange" });
    expect(same!.interval[0]).toBeLessThan(0);
    expect(same!.interval[1]).toBeGreaterThan(0);
    expect(same!.change).toBeGreaterThanOrEqual(same!.interval[0]);
    expect(same!.change).toBeLessThanOrEqual(same!.interval[1]);
  });
});
