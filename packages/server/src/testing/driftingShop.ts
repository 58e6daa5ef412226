import { rebuildJourneyStore } from "@opencjm/analytics";
import { insertTestEvents, type TestEvent } from "@opencjm/analytics/testing";
import {
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  type ChannelId,
  type MapSnapshot,
  type TouchpointId,
} from "@opencjm/core";
import { createTouchpoint } from "../commands/touchpointCreator.js";
import { createTouchpointRule } from "../store/touchpointRuleStore.js";
import type { TestWorkspace } from "./factories.js";
import type { TestApp } from "./testApp.js";

const DAY = 86_400_000;
/** The first day of the drifting shop's events; its data ends 56 days later. */
export const DRIFTING_SHOP_START = Date.UTC(2024, 1, 2);
const iso = (ms: number) => new Date(ms).toISOString();

/** Ad → pricing → buy, one touchpoint on each step. */
function shopMap(tp: string[]): MapSnapshot {
  const ids = ["p_ad", "p_pricing", "p_buy"];
  const card = (i: number) => ({
    id: `c${i}`,
    order: "a0",
    kind: "touchpoint",
    touchpointId: tp[i],
    note: "",
    evidence: { level: "assumption", refs: [] },
  });
  return {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title: "Shop", type: "currentState" }),
    stages: [{ id: "s_all", name: "Journey", description: "", order: "a0" }],
    steps: ids.map((id, i) => ({
      id,
      stageId: "s_all",
      name: id.slice(2),
      description: "",
      parallel: false,
      order: `a${i}`,
    })),
    lanes: [{ id: "l_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" }],
    cells: ids.map((stepId, i) => ({ laneId: "l_tp", stepId, cards: [card(i)] })),
    emotions: [],
  } as unknown as MapSnapshot;
}

/** 12 customers a day for 56 days; 30% go from the ad to pricing in the first 28 days, 60% in the last 28. */
function drifting(): TestEvent[] {
  const events: TestEvent[] = [];
  for (let c = 0; c < 56 * 12; c++) {
    const t = DRIFTING_SHOP_START + Math.floor(c / 12) * DAY + (c % 12) * 3_600_000;
    const later = t >= DRIFTING_SHOP_START + 28 * DAY;
    events.push({ customer: c, at: iso(t), name: "ad_click", channel: "web" });
    if (c % 10 < (later ? 6 : 3)) {
      events.push({ customer: c, at: iso(t + 600_000), name: "pricing", channel: "web" });
      if (Math.floor(c / 10) % 2 === 0)
        events.push({ customer: c, at: iso(t + 2_400_000), name: "order", channel: "web" });
    }
  }
  return events;
}

/**
 * Gives a test workspace the map "Shop" whose first step's conversion doubles between two 28-day periods (102 of 336
 * customers before, 200 of 336 after), its touchpoints and rules, and the events; returns the map's id.
 */
export async function buildDriftingShop(t: TestApp, ws: TestWorkspace): Promise<string> {
  const tp: string[] = [];
  for (const name of ["Ad", "Pricing", "Checkout"]) {
    const created = await createTouchpoint(t.services.db, ws.id, {
      name,
      channelId: "website" as ChannelId,
      medium: "digital",
      description: "",
      ownerTeam: "",
    });
    tp.push(created.id);
  }
  const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot: shopMap(tp) });
  for (const [i, name] of ["ad_click", "pricing", "order"].entries())
    await createTouchpointRule(t.services.db, ws.id, {
      touchpointId: tp[i] as TouchpointId,
      eventNames: [name],
      conditions: [],
    });
  const events = await t.services.analytics.open(ws.id);
  await insertTestEvents(events, drifting());
  await rebuildJourneyStore(events);
  return map.id;
}
