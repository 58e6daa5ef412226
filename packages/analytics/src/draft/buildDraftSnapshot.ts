import {
  keyForPosition,
  LANE_NAMES,
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  MapSnapshotSchema,
  newId,
  type DraftPlan,
  type Locale,
  type MapSnapshot,
} from "@opencjm/core";

function appendOrder(orders: string[]): string {
  const order = keyForPosition(
    orders.map((o, i) => ({ id: String(i), order: o })),
    undefined,
  );
  orders.push(order);
  return order;
}

/**
 * The body of a drafted current-state map: a stage per stage of the plan, a step per step, each with its touchpoint
 * card (`touchpointOf` gives the touchpoint of a step the rules did not map yet, once the caller has created it; a
 * step without one gets an action card with the event's name) and a data card with its reach.
 */
export function buildDraftSnapshot(
  plan: DraftPlan,
  options: { locale: Locale; title?: string; touchpointOf?: (eventName: string) => string | undefined },
): MapSnapshot {
  const lanes = (["touchpoints", "actions", "data"] as const).map((type) => ({ type, id: newId() }));
  const laneOrders: string[] = [];
  const stageOrders: string[] = [];
  const snapshot: MapSnapshot = {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({
      title: options.title ?? plan.title,
      type: "currentState",
      locale: options.locale,
      goal: "",
      scope: "",
    }),
    stages: [],
    steps: [],
    lanes: lanes.map((l) => ({
      id: l.id,
      type: l.type,
      name: LANE_NAMES[l.type][options.locale],
      collapsed: false,
      hidden: false,
      order: appendOrder(laneOrders),
    })) as MapSnapshot["lanes"],
    cells: [],
    emotions: [],
  };
  const [touchpointLane, actionLane, dataLane] = lanes.map((l) => l.id);
  for (const stage of plan.stages) {
    if (stage.steps.length === 0) continue;
    const stageId = newId();
    snapshot.stages.push({
      id: stageId,
      name: stage.name,
      description: "",
      order: appendOrder(stageOrders),
    } as MapSnapshot["stages"][number]);
    const stepOrders: string[] = [];
    for (const step of stage.steps) {
      const stepId = newId();
      snapshot.steps.push({
        id: stepId,
        stageId,
        name: step.name,
        description: "",
        parallel: false,
        order: appendOrder(stepOrders),
      } as MapSnapshot["steps"][number]);
      const card = (laneId: string, content: Record<string, unknown>) =>
        snapshot.cells.push({
          laneId,
          stepId,
          cards: [{ id: newId(), order: "a0", evidence: { level: "data", refs: [] }, ...content }],
        } as unknown as MapSnapshot["cells"][number]);
      const touchpointId =
        step.touchpointId ?? (step.eventName !== null ? options.touchpointOf?.(step.eventName) : undefined);
      if (touchpointId) card(touchpointLane!, { kind: "touchpoint", touchpointId, note: "" });
      else card(actionLane!, { kind: "action", text: step.eventName ?? step.name });
      const percent = step.share === null ? 0 : Math.round(1000 * step.share) / 10;
      card(dataLane!, { kind: "data", metric: "customers", note: `${step.customers} (${percent}%)` });
    }
  }
  return MapSnapshotSchema.parse(snapshot);
}
