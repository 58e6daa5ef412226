import { rebuildJourneyStore } from "@opencjm/analytics";
import { insertTestEvents, type TestEvent } from "@opencjm/analytics/testing";
import {
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  type ChannelId,
  type MapSnapshot,
  type TouchpointId,
} from "@opencjm/core";
import { createTouchpoint } from "../../commands/touchpointCreator.js";
import { createTouchpointRule } from "../../store/touchpointRuleStore.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";

// The shop the KPI tests measure: a map, its touchpoints and rules, and 56 days of customers around a ship date.

const DAY = 86_400_000;
const START = Date.UTC(2024, 1, 2); // 2 February 2024: 28 days before the ship date
export const SHIP = "2024-03-01T00:00:00.000Z";
const iso = (ms: number) => new Date(ms).toISOString();

/** A three-step map (ad → pricing → buy), one touchpoint on each step. */
function shopMap(tp: Record<"ad" | "pricing" | "buy", string>): MapSnapshot {
  const card = (id: string, touchpointId: string) => ({
    id,
    order: "a0",
    kind: "touchpoint",
    touchpointId,
    note: "",
    evidence: { level: "assumption", refs: [] },
  });
  return {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title: "Shop", type: "currentState" }),
    stages: [
      { id: "s_aware", name: "Awareness", description: "", order: "a0" },
      { id: "s_buy", name: "Purchase", description: "", order: "a1" },
    ],
    steps: [
      { id: "p_ad", stageId: "s_aware", name: "Sees an ad", description: "", parallel: false, order: "a0" },
      { id: "p_pricing", stageId: "s_aware", name: "Compares prices", description: "", parallel: false, order: "a1" },
      { id: "p_buy", stageId: "s_buy", name: "Buys", description: "", parallel: false, order: "a0" },
    ],
    lanes: [{ id: "l_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" }],
    cells: [
      { laneId: "l_tp", stepId: "p_ad", cards: [card("c1", tp.ad)] },
      { laneId: "l_tp", stepId: "p_pricing", cards: [card("c2", tp.pricing)] },
      { laneId: "l_tp", stepId: "p_buy", cards: [card("c3", tp.buy)] },
    ],
    emotions: [],
  } as unknown as MapSnapshot;
}

/**
 * 12 customers a day for 56 days around the ship date, each seeing the ad. Before the ship date 30% go on to the
 * pricing page, after it 60% (the change the idea made); half of those buy, 30 minutes later, in both periods. Every
 * fourth customer lives in Germany (country DE), the others in the US.
 */
function constructedLog(): TestEvent[] {
  const events: TestEvent[] = [];
  for (let c = 0; c < 56 * 12; c++) {
    const t = START + Math.floor(c / 12) * DAY + (c % 12) * 3_600_000;
    const after = t >= Date.parse(SHIP);
    events.push({ customer: c, at: iso(t), name: "ad_click", channel: "web" });
    if (c % 10 < (after ? 6 : 3)) {
      events.push({ customer: c, at: iso(t + 600_000), name: "pricing", channel: "web" });
      if (Math.floor(c / 10) % 2 === 0)
        events.push({ customer: c, at: iso(t + 2_400_000), name: "order", channel: "web" });
    }
  }
  return events;
}

/** A shop in a new test app: its map (ad → pricing → buy), touchpoints with their rules and the constructed log. */
export interface Shop {
  t: TestApp;
  ws: TestWorkspace;
  mapId: string;
  tp: Record<"ad" | "pricing" | "buy", string>;
}

/** Opens a test app on the dialect with the shop's map and events in a new workspace. */
export async function openShop(dialect: Parameters<typeof createTestApp>[0]): Promise<Shop> {
  const t = await createTestApp(dialect);
  const ws = await buildWorkspace(t.services.db);
  const touchpoint = async (name: string) =>
    (
      await createTouchpoint(t.services.db, ws.id, {
        name,
        channelId: "website" as ChannelId,
        medium: "digital",
        description: "",
        ownerTeam: "",
      })
    ).id as string;
  const tp = { ad: await touchpoint("Ad"), pricing: await touchpoint("Pricing"), buy: await touchpoint("Checkout") };
  const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot: shopMap(tp) });
  for (const [touchpointId, name] of [
    [tp.ad, "ad_click"],
    [tp.pricing, "pricing"],
    [tp.buy, "order"],
  ] as const)
    await createTouchpointRule(t.services.db, ws.id, {
      touchpointId: touchpointId as TouchpointId,
      eventNames: [name],
      conditions: [],
    });
  const events = await t.services.analytics.open(ws.id);
  const log = constructedLog();
  const customers = new Set(log.map((e) => e.customer));
  const attributes = Object.fromEntries([...customers].map((c) => [c, { country: c % 4 === 0 ? "DE" : "US" }]));
  await insertTestEvents(events, log, attributes);
  await rebuildJourneyStore(events);
  return { t, ws, mapId: map.id, tp };
}
