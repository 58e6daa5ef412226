import { MAP_DOCUMENT_VERSION, MapSettingsSchema, type ChannelId, type MapSnapshot } from "@opencjm/core";
import { createTouchpoint } from "../commands/touchpointCreator.js";
import type { TestWorkspace } from "./factories.js";
import type { TestApp } from "./testApp.js";

const STEPS = [
  ["ad", "ad_click"],
  ["pricing", "pricing_view"],
  ["signup", "signup"],
  ["buy", "purchase"],
] as const;

/** A CSV of `customers` customers walking part of a four-step shop funnel over web and e-mail, some rating it. */
export function shopEventsCsv(customers: number, offset: number): string {
  const rows = ["customer,timestamp,event,channel,score,comment"];
  for (let c = 0; c < customers; c++) {
    const id = `cust-${offset + c}`;
    const start = Date.UTC(2024, 2, 1) + (offset + c) * 3_600_000;
    const reach = 1 + ((c * 7) % STEPS.length);
    for (let s = 0; s < reach; s++) {
      const at = new Date(start + s * (5 + ((c + s) % 11)) * 60_000).toISOString();
      const rated = STEPS[s]![1] === "purchase";
      rows.push(
        `${id},${at},${STEPS[s]![1]},${s % 2 === 0 ? "web" : "email"},${rated ? 1 + (c % 5) : ""},${rated ? `"fast, thanks ${c}"` : ""}`,
      );
    }
  }
  return `${rows.join("\n")}\n`;
}

/** The column mapping of shopEventsCsv. */
export const SHOP_MAPPING = {
  columns: {
    customer: { role: "identifier", kind: "customerId" },
    timestamp: { role: "timestamp" },
    event: { role: "event" },
    channel: { role: "channel" },
    score: { role: "score", kind: "csat" },
    comment: { role: "text" },
  },
};

/**
 * A map of the shop funnel in a workspace, one step per funnel event linked by a touchpoint rule, with a data lane
 * (so exports print its metrics). Returns the map's id.
 */
export async function createShopMap(t: TestApp, ws: TestWorkspace): Promise<string> {
  const cards = [];
  for (const [step, event] of STEPS) {
    const touchpoint = await createTouchpoint(t.services.db, ws.id, {
      name: step,
      channelId: "website" as ChannelId,
      medium: "digital",
      description: "",
      ownerTeam: "",
    });
    const rule = await t.request("POST", `/api/workspaces/${ws.id}/touchpoint-rules`, {
      headers: ws.users.editor.headers,
      body: { touchpointId: touchpoint.id, eventNames: [event] },
    });
    if (rule.status !== 201) throw new Error(`touchpoint rule: ${rule.status} ${JSON.stringify(rule.body)}`);
    cards.push({ step, touchpointId: touchpoint.id });
  }
  const snapshot = {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title: "Shop", type: "currentState" }),
    stages: [{ id: "s_all", name: "All", description: "", order: "a0" }],
    steps: cards.map((c, i) => ({
      id: `p_${c.step}`,
      stageId: "s_all",
      name: c.step,
      description: "",
      parallel: false,
      order: `a${i}`,
    })),
    lanes: [
      { id: "l_tp", type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: "a0" },
      { id: "l_data", type: "data", name: "Data", collapsed: false, hidden: false, order: "a1" },
    ],
    cells: cards.map((c) => ({
      laneId: "l_tp",
      stepId: `p_${c.step}`,
      cards: [
        {
          id: `c_${c.step}`,
          order: "a0",
          kind: "touchpoint",
          touchpointId: c.touchpointId,
          note: "",
          evidence: { level: "assumption", refs: [] },
        },
      ],
    })),
    emotions: [],
  } as unknown as MapSnapshot;
  return (await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot })).id;
}
