import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { openShop, SHIP } from "./kpiShopFixture.js";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Effect {
  trialDays: number;
  beforeDays: number;
  afterDays: number;
  ready: boolean;
  caveats: string[];
  caveatMessages: Array<{ caveat: string; message: string }>;
  kpis: Array<{
    kpiId: string;
    verdict: string;
    test: string | null;
    before: { from: string; to: string; value: number | null };
    after: { from: string; to: string; value: number | null };
    problem: { code: string; message: string } | null;
  }>;
}

describe.each(testDialects)("The measured effect of a shipped idea on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  const as = (role: "editor" | "viewer" = "editor") => ({ headers: ws.users[role].headers });
  const ideas = () => `/api/workspaces/${ws.id}/ideas`;

  beforeEach(async () => {
    ({ t, ws, mapId } = await openShop(dialect));
  });
  afterEach(() => t.dispose());

  const kpi = async (stepId: string, measure: string) => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/kpis`, {
      ...as(),
      body: {
        name: `${measure} at ${stepId}`,
        anchor: { kind: "step", mapId, stepId },
        source: { kind: "data", measure },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return (res.body as { id: string }).id;
  };
  /** An idea with these KPIs, moved to shipped on `shippedAt`. */
  const shippedIdea = async (kpiIds: string[], shippedAt: string) => {
    const created = await t.request("POST", ideas(), { ...as(), body: { title: "Show prices on the ad", kpiIds } });
    const id = (created.body as { id: string }).id;
    for (const status of ["approved", "inProgress"])
      await t.request("POST", `${ideas()}/${id}/status`, { ...as(), body: { status } });
    const shipped = await t.request("POST", `${ideas()}/${id}/status`, {
      ...as(),
      body: { status: "shipped", at: shippedAt },
    });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    return id;
  };
  const effectOf = async (ideaId: string, query = "", language = "en") => {
    // The reader's language is their account's.
    const viewer = ws.users.viewer.id;
    await t.services.db.kysely.updateTable("users").set({ locale: language }).where("id", "=", viewer).execute();
    const res = await t.request("GET", `${ideas()}/${ideaId}/kpi-effect${query}`, as("viewer"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as unknown as Effect;
  };

  it("says which KPI's step is gone from the map, measures the others, and can still be marked measured", async () => {
    const kept = await kpi("p_ad", "conversion");
    const orphan = await kpi("p_pricing", "conversion");
    const ideaId = await shippedIdea([kept, orphan], SHIP);
    const deleted = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/operations`, {
      ...as(),
      body: { operations: [{ op: "deleteStep", stepId: "p_pricing" }] },
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);

    const effect = await effectOf(ideaId);
    expect(effect.kpis.find((k) => k.kpiId === kept)).toMatchObject({ verdict: "improved", problem: null });
    expect(effect.kpis.find((k) => k.kpiId === orphan)).toMatchObject({
      verdict: "notEnoughData",
      test: null,
      problem: { code: "kpi_unknown_step", message: "the step this KPI is on no longer exists on the map" },
    });
    const inRussian = await effectOf(ideaId, "", "ru");
    expect(inRussian.kpis.find((k) => k.kpiId === orphan)!.problem!.message).toBe(
      "шага, к которому относится этот KPI, больше нет на карте",
    );

    const measured = await t.request("POST", `${ideas()}/${ideaId}/status`, { ...as(), body: { status: "measured" } });
    expect([measured.status, measured.body.status], JSON.stringify(measured.body)).toEqual([200, "measured"]);
    const recorded = await effectOf(ideaId, "", "zh-Hans");
    expect(recorded.kpis.map((k) => [k.verdict, k.problem?.message ?? null])).toEqual([
      ["improved", null],
      ["notEnoughData", "此 KPI 所在的步骤已不在地图上"],
    ]);
  });

  it("compares the windows the caller sets before and after the ship date, and says when they differ", async () => {
    const conversion = await kpi("p_ad", "conversion");
    const reach = await kpi("p_ad", "reach");
    const ideaId = await shippedIdea([conversion, reach], SHIP);
    const shipped = Date.parse(SHIP);

    const same = await effectOf(ideaId, "?trialDays=21");
    expect(same).toMatchObject({ trialDays: 21, beforeDays: 21, afterDays: 21, caveats: [] });
    expect(same.kpis[1]).toMatchObject({ test: "poissonRate", before: { value: 21 * 12 } });

    const uneven = await effectOf(ideaId, "?beforeDays=14&afterDays=21");
    expect(uneven).toMatchObject({ trialDays: 21, beforeDays: 14, afterDays: 21, ready: true });
    expect(uneven.kpis[0]!.before).toMatchObject({ from: iso(shipped - 14 * DAY), to: SHIP });
    expect(uneven.kpis[0]!.after).toMatchObject({ from: SHIP, to: iso(shipped + 21 * DAY) });
    expect(uneven.kpis[0]!.verdict).toBe("improved");
    // Reach over windows of different lengths: customers per day, compared day by day.
    expect(uneven.kpis[1]).toMatchObject({ test: "mannWhitney", before: { value: 12 }, after: { value: 12 } });
    expect(uneven.caveats).toEqual(["windowsDiffer"]);
    expect(uneven.caveatMessages[0]!.message).toBe(
      "The window before the ship date (14 days) and the one after it (21 days) differ in length: seasonal changes " +
        "weigh differently in each, and customers reaching a step are compared per day.",
    );
    // Only the trial period after the ship date set: the window before it stays the default.
    expect(await effectOf(ideaId, "?afterDays=10")).toMatchObject({ beforeDays: 28, afterDays: 10 });
    expect((await effectOf(ideaId, "?afterDays=10")).caveats).toEqual(["weekdayMix", "windowsDiffer"]);

    for (const [query, field] of [
      ["?beforeDays=0", "query.beforeDays"],
      ["?afterDays=366", "query.afterDays"],
      ["?beforeDays=two", "query.beforeDays"],
      ["?trialDays=1.5", "query.trialDays"],
    ] as const) {
      const res = await t.request("GET", `${ideas()}/${ideaId}/kpi-effect${query}`, as("viewer"));
      expect([query, res.status, res.body.error?.issues[0]?.path]).toEqual([query, 400, field]);
    }

    const measured = await t.request("POST", `${ideas()}/${ideaId}/status`, {
      ...as(),
      body: { status: "measured", beforeDays: 14, afterDays: 21 },
    });
    expect(measured.status, JSON.stringify(measured.body)).toBe(200);
    expect(await effectOf(ideaId)).toMatchObject({ beforeDays: 14, afterDays: 21, caveats: ["windowsDiffer"] });
  });

  it("names the ship date when it lies before the first event or after the last one, in the reader's language", async () => {
    const conversion = await kpi("p_ad", "conversion");
    const early = await shippedIdea([conversion], "2020-03-01T00:00:00.000Z");
    const before = await effectOf(early);
    expect(before.kpis[0]!.verdict).toBe("notEnoughData");
    expect(before.caveats).toEqual(["dataStartsLate", "shipDateBeforeData"]);
    expect(before.caveatMessages[1]).toEqual({
      caveat: "shipDateBeforeData",
      message:
        "The ship date Mar 1, 2020 is before the first event (Feb 2, 2024): there is no data from before the idea " +
        "shipped to compare with.",
    });
    const inChinese = await effectOf(early, "", "zh-Hant");
    expect(inChinese.caveatMessages[1]!.message).toBe(
      "上線日期 2020年3月1日 早於第一筆事件（2024年2月2日）：沒有上線前的資料可供比較。",
    );

    const late = await shippedIdea([conversion], "2025-06-01T00:00:00.000Z");
    const after = await effectOf(late);
    expect(after.caveats).toContain("shipDateAfterData");
    const said = after.caveatMessages.find((c) => c.caveat === "shipDateAfterData")!.message;
    expect(said).toBe(
      "The ship date Jun 1, 2025 is after the last event (Mar 28, 2024): there is no data yet from after the idea shipped.",
    );
    const inPersian = await effectOf(late, "", "fa");
    expect(inPersian.caveatMessages.find((c) => c.caveat === "shipDateAfterData")!.message).toMatch(/^تاریخ عرضهٔ /);
  });
});
