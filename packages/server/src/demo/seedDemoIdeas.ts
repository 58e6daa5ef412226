import { IdeaCreateSchema, KpiCreateSchema, type IdeaStatus, type MapSnapshot } from "@opencjm/core";
import { createIdea } from "../commands/ideaCreator.js";
import { changeIdeaStatus } from "../commands/ideaStatusChanger.js";
import { createKpi } from "../commands/kpiDefiner.js";
import type { Services } from "../services.js";
import { saveDriftSettings } from "../store/driftStore.js";
import { saveIdeaMatrix } from "../store/ideaStore.js";
import { DEMO_SHIP_DATE } from "./demoEvents.js";

const DAY = 86_400_000;

/** The demo's ideas on the shoes map: a scored backlog, one of them shipped when the demo data changes. */
interface DemoIdea {
  title: string;
  description: string;
  tags: string[];
  /** The card it answers (a pain point's or an opportunity's text) and the steps and touchpoints it changes. */
  card: string;
  steps: string[];
  touchpoints: string[];
  kpis: string[];
  ice: { impact: number; confidence: number; ease: number };
  rice: { reach: number; impact: number; confidence: number; effort: number };
  matrix: { impact: number; effort: number };
  /** The workflow it went through, each status with the day it was reached. */
  history: Array<[IdeaStatus, number]>;
}

const IDEAS: DemoIdea[] = [
  {
    title: "Show delivery cost and date on the product page",
    description: "Shoppers meet the €4.95 delivery cost only on the last checkout screen and leave. Show it early.",
    tags: ["checkout", "mobile"],
    card: "Delivery cost (€4.95) only appears on the last screen",
    steps: ["Adds to cart", "Pays"],
    touchpoints: ["Product page", "Checkout"],
    kpis: ["cartToPayment"],
    ice: { impact: 8, confidence: 8, ease: 7 },
    rice: { reach: 4000, impact: 2, confidence: 80, effort: 1 },
    matrix: { impact: 0.85, effort: 0.25 },
    history: [
      ["approved", DEMO_SHIP_DATE - 45 * DAY],
      ["inProgress", DEMO_SHIP_DATE - 30 * DAY],
      ["shipped", DEMO_SHIP_DATE],
    ],
  },
  {
    title: "Guest checkout with PayPal Express",
    description: "Let shoppers pay without creating an account.",
    tags: ["checkout"],
    card: "Guest checkout with PayPal Express",
    steps: ["Pays"],
    touchpoints: ["Checkout"],
    kpis: ["cartToPayment"],
    ice: { impact: 7, confidence: 6, ease: 5 },
    rice: { reach: 3000, impact: 1, confidence: 70, effort: 3 },
    matrix: { impact: 0.7, effort: 0.65 },
    history: [["approved", DEMO_SHIP_DATE + 20 * DAY]],
  },
  {
    title: "Proactive delivery updates by e-mail",
    description: "Tell the shopper when the parcel really leaves the warehouse instead of 'label created'.",
    tags: ["delivery"],
    card: "Tracking shows 'label created' for two days",
    steps: ["Tracks the parcel"],
    touchpoints: ["Parcel tracking page"],
    kpis: ["trackingToPickup"],
    ice: { impact: 6, confidence: 5, ease: 8 },
    rice: { reach: 2500, impact: 1, confidence: 50, effort: 0.5 },
    matrix: { impact: 0.55, effort: 0.2 },
    history: [],
  },
  {
    title: "Ask for the size she kept to improve fit advice",
    description: "A one-question survey after the review request feeds the size guide.",
    tags: ["fit"],
    card: "Ask for the size she kept to improve fit advice",
    steps: ["Writes a review", "Checks her size"],
    touchpoints: [],
    kpis: [],
    ice: { impact: 4, confidence: 6, ease: 7 },
    rice: { reach: 1500, impact: 0.5, confidence: 60, effort: 2 },
    matrix: { impact: 0.3, effort: 0.45 },
    history: [
      ["approved", DEMO_SHIP_DATE + 60 * DAY],
      ["inProgress", DEMO_SHIP_DATE + 90 * DAY],
    ],
  },
];

function stepId(map: MapSnapshot, name: string): string {
  const step = map.steps.find((s) => s.name === name);
  if (!step) throw new Error(`demo ideas refer to unknown step "${name}"`);
  return step.id;
}

function cardId(map: MapSnapshot, text: string): string {
  for (const cell of map.cells) for (const card of cell.cards) if ("text" in card && card.text === text) return card.id;
  throw new Error(`demo ideas refer to unknown card "${text}"`);
}

/**
 * Gives the demo's shoes map its backlog (PRODUCT.md §4.7): KPIs on its checkout and delivery steps, four ideas scored
 * with ICE and RICE and placed on the matrix, one shipped on the day the demo data's cart abandonment falls (so its
 * measured effect reads "improved"), and drift thresholds that leave out the data's last three weeks, where journeys
 * that started before the export are still finishing.
 */
export async function seedDemoIdeas(
  services: Services,
  workspaceId: string,
  ownerId: string,
  mapId: string,
): Promise<{ shippedIdeaId: string }> {
  const map = await services.maps.readSnapshot(mapId);
  const touchpoints = await services.db.kysely
    .selectFrom("touchpoints")
    .select(["id", "name"])
    .where("workspace_id", "=", workspaceId)
    .execute();
  const touchpointId = (name: string) => touchpoints.find((t) => t.name === name)?.id;
  const kpiIds = {
    cartToPayment: (
      await createKpi(
        services,
        workspaceId,
        ownerId,
        KpiCreateSchema.parse({
          name: "Carts that are paid",
          anchor: { kind: "step", mapId, stepId: stepId(map, "Adds to cart") },
          source: { kind: "data", measure: "conversion" },
          target: 0.5,
          ownerId,
        }),
      )
    ).id,
    trackingToPickup: (
      await createKpi(
        services,
        workspaceId,
        ownerId,
        KpiCreateSchema.parse({
          name: "Time from tracking to pick-up",
          anchor: { kind: "step", mapId, stepId: stepId(map, "Tracks the parcel") },
          source: { kind: "data", measure: "medianTime" },
          direction: "lower",
          ownerId,
        }),
      )
    ).id,
  };
  let shippedIdeaId = "";
  for (const spec of IDEAS) {
    const idea = await createIdea(
      services,
      workspaceId,
      ownerId,
      IdeaCreateSchema.parse({
        title: spec.title,
        description: spec.description,
        ownerId,
        tags: spec.tags,
        anchors: [{ mapId, cardId: cardId(map, spec.card) }],
        steps: spec.steps.map((name) => ({ mapId, stepId: stepId(map, name) })),
        touchpointIds: spec.touchpoints.flatMap((name) => touchpointId(name) ?? []),
        kpiIds: spec.kpis.map((k) => kpiIds[k as keyof typeof kpiIds]),
        ice: spec.ice,
        rice: spec.rice,
      }),
    );
    await saveIdeaMatrix(services.db, idea.id, spec.matrix);
    for (const [status, at] of spec.history)
      await changeIdeaStatus(services, workspaceId, idea.id, ownerId, { status, at: new Date(at).toISOString() });
    if (spec.history.some(([status]) => status === "shipped")) shippedIdeaId = idea.id;
  }
  await saveDriftSettings(services.db, workspaceId, ownerId, {
    periodDays: 28,
    conversionPoints: 0.05,
    timeChange: 0.25,
    negativePoints: 0.1,
    settleDays: 21,
    minSample: 30,
  });
  return { shippedIdeaId };
}
