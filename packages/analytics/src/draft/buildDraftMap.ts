import {
  keyForPosition,
  LANE_NAMES,
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  MapSnapshotSchema,
  newId,
  type Locale,
  type LaneType,
  type MapSnapshot,
} from "@opencjm/core";

const TITLE: Record<Locale, string> = {
  en: "Current state from data",
  "zh-Hant": "依資料繪製的現況旅程",
  "zh-Hans": "依数据绘制的现状旅程",
  ru: "Текущее состояние по данным",
  fa: "وضعیت فعلی بر اساس داده‌ها",
};
const JOURNEY: Record<Locale, string> = {
  en: "Journey",
  "zh-Hant": "旅程",
  "zh-Hans": "旅程",
  ru: "Путь клиента",
  fa: "سفر مشتری",
};

/** An activity seen in the data, as the draft needs it. */
export interface DraftActivity {
  label: string;
  /** The touchpoint it is, or undefined for an unmapped event name. */
  touchpointId?: string;
  customers: number;
  /** Mean of the activity's first position in each customer's journey, scaled to 0 (first) … 1 (last). */
  meanPosition: number;
  /** Name of the stage of the current map this activity's touchpoint sits in, if it does. */
  stageName?: string;
}

function appendOrder(orders: string[]): string {
  const order = keyForPosition(
    orders.map((o, i) => ({ id: String(i), order: o })),
    undefined,
  );
  orders.push(order);
  return order;
}

/**
 * A current-state map drafted from data: the activities most customers reach (at least `minShare` of them, at most
 * `maxSteps`) become steps, ordered by where they typically first happen in a journey; steps take the stage their
 * touchpoint has on the current map (or the stage of the step before them), and each step carries its touchpoint or
 * event name and a data card with its reach.
 */
export function buildDraftMap(
  activities: DraftActivity[],
  customers: number,
  options: { minShare: number; maxSteps: number; locale: Locale },
): MapSnapshot {
  const threshold = Math.max(1, Math.ceil(options.minShare * customers));
  const chosen = activities
    .filter((a) => a.customers >= threshold)
    .sort((a, b) => b.customers - a.customers || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, options.maxSteps)
    .sort(
      (a, b) =>
        a.meanPosition - b.meanPosition ||
        b.customers - a.customers ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );

  // Unknown stages inherit from the step before; leading ones from the first known stage after them.
  const firstKnown = chosen.find((a) => a.stageName !== undefined)?.stageName ?? JOURNEY[options.locale];
  let current = firstKnown;
  const stageNames = chosen.map((a) => (current = a.stageName ?? current));

  const lanes: Array<{ type: LaneType; id: string }> = (["touchpoints", "actions", "data"] as const).map((type) => ({
    type,
    id: newId(),
  }));
  const laneOrders: string[] = [];
  const stageOrders: string[] = [];
  const stepOrders: string[] = [];
  const snapshot: MapSnapshot = {
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({
      title: TITLE[options.locale],
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
  chosen.forEach((activity, i) => {
    if (i === 0 || stageNames[i] !== stageNames[i - 1]) {
      snapshot.stages.push({
        id: newId(),
        name: stageNames[i]!,
        description: "",
        order: appendOrder(stageOrders),
      } as MapSnapshot["stages"][number]);
      stepOrders.length = 0;
    }
    const stageId = snapshot.stages.at(-1)!.id;
    const stepId = newId();
    snapshot.steps.push({
      id: stepId,
      stageId,
      name: activity.label.slice(0, 200),
      description: "",
      parallel: false,
      order: appendOrder(stepOrders),
    } as MapSnapshot["steps"][number]);
    const reach = `${activity.customers} (${customers > 0 ? Math.round((1000 * activity.customers) / customers) / 10 : 0}%)`;
    const card = (laneId: string, content: Record<string, unknown>) =>
      snapshot.cells.push({
        laneId,
        stepId,
        cards: [{ id: newId(), order: "a0", evidence: { level: "data", refs: [] }, ...content }],
      } as unknown as MapSnapshot["cells"][number]);
    if (activity.touchpointId)
      card(touchpointLane!, { kind: "touchpoint", touchpointId: activity.touchpointId, note: "" });
    else card(actionLane!, { kind: "action", text: activity.label.slice(0, 20_000) });
    card(dataLane!, { kind: "data", metric: "customers", note: reach });
  });
  return MapSnapshotSchema.parse(snapshot);
}
