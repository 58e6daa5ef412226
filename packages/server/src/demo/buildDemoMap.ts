import {
  applyMapOperations,
  createMapDocument,
  docToSnapshot,
  findTemplate,
  LANE_NAMES,
  MapSettingsSchema,
  newId,
  type CardContentInput,
  type LaneType,
  type Locale,
  type MapOperation,
  type MapSnapshot,
  type PersonaId,
} from "@opencjm/core";

/** One step of a demo map with what happens there, per lane. */
export interface DemoStep {
  name: string;
  parallel?: boolean;
  /** The journey's goal (one step per map): the steps after it are optional, so leaving there is not drop-off. */
  goal?: true;
  actions?: string[];
  thoughts?: string[];
  touchpoints?: string[];
  pains?: Array<{ text: string; severity: number; rootCause?: string; whys?: string[] }>;
  quotes?: Array<{ text: string; source: string; participant: string }>;
  opportunities?: string[];
  expectations?: string[];
  stakeholders?: Array<{ name: string; role: string }>;
  risks?: string[];
  kpis?: Array<{ name: string; unit: string; target?: number; actual?: number }>;
  frontstage?: string[];
  backstage?: Array<{ text: string; failurePoint?: boolean; waitPoint?: boolean }>;
  support?: string[];
  minutes?: number;
  /** Emotion per persona key, on the map's −2…2 scale. */
  emotions: Record<string, number>;
}

/** A demo map: a template's lanes and a realistic journey. */
export interface DemoMapSpec {
  templateId: string;
  locale: Locale;
  title: string;
  goal: string;
  scope: string;
  status: "draft" | "published";
  tags: string[];
  personas: string[];
  /** The map's lanes in order, when they differ from the template's. */
  lanes?: LaneType[];
  stages: Array<{ name: string; color: string; steps: DemoStep[] }>;
}

/** Resolves demo keys to the ids the seeded rows got. */
export interface DemoIds {
  personaId(key: string): string;
  touchpointId(key: string): string;
}

function cardsOf(step: DemoStep, ids: DemoIds): Array<[LaneType, CardContentInput]> {
  const research = { level: "research" as const, refs: [] };
  return [
    ...(step.actions ?? []).map((text): [LaneType, CardContentInput] => ["actions", { kind: "action", text }]),
    ...(step.thoughts ?? []).map((text): [LaneType, CardContentInput] => [
      "thoughts",
      { kind: "thought", text, question: text.trim().endsWith("?") || text.trim().endsWith("？") },
    ]),
    ...(step.touchpoints ?? []).map((key): [LaneType, CardContentInput] => [
      "touchpoints",
      { kind: "touchpoint", touchpointId: ids.touchpointId(key) as never },
    ]),
    ...(step.pains ?? []).map((p): [LaneType, CardContentInput] => [
      "painPoints",
      { kind: "painPoint", text: p.text, severity: p.severity, rootCause: p.rootCause ?? "", whys: p.whys ?? [] },
    ]),
    ...(step.quotes ?? []).map((q): [LaneType, CardContentInput] => [
      "quotes",
      { kind: "quote", ...q, evidence: research },
    ]),
    ...(step.opportunities ?? []).map((text): [LaneType, CardContentInput] => [
      "opportunities",
      { kind: "opportunity", text },
    ]),
    ...(step.expectations ?? []).map((text): [LaneType, CardContentInput] => [
      "expectations",
      { kind: "expectation", text },
    ]),
    ...(step.stakeholders ?? []).map((s): [LaneType, CardContentInput] => [
      "stakeholders",
      { kind: "stakeholder", ...s },
    ]),
    ...(step.risks ?? []).map((text): [LaneType, CardContentInput] => ["risks", { kind: "risk", text }]),
    ...(step.kpis ?? []).map((k): [LaneType, CardContentInput] => ["kpis", { kind: "kpi", ...k }]),
    ...(step.frontstage ?? []).map((text): [LaneType, CardContentInput] => ["frontstage", { kind: "process", text }]),
    ...(step.backstage ?? []).map((b): [LaneType, CardContentInput] => ["backstage", { kind: "process", ...b }]),
    ...(step.support ?? []).map((text): [LaneType, CardContentInput] => ["support", { kind: "process", text }]),
    ...(step.minutes !== undefined
      ? [["duration", { kind: "duration", minutes: step.minutes }] as [LaneType, CardContentInput]]
      : []),
  ];
}

/** Builds a demo map body with the lanes of its template and everything the spec says. */
export function buildDemoMap(spec: DemoMapSpec, ids: DemoIds): MapSnapshot {
  const template = findTemplate(spec.templateId);
  if (!template) throw new Error(`demo map "${spec.title}" uses unknown template ${spec.templateId}`);
  const personaIds = spec.personas.map((k) => ids.personaId(k) as PersonaId);
  const doc = createMapDocument(
    MapSettingsSchema.parse({
      title: spec.title,
      type: template.mapType,
      goal: spec.goal,
      scope: spec.scope,
      status: spec.status,
      tags: spec.tags,
      personaIds,
      locale: spec.locale,
      templateId: spec.templateId,
    }),
  );
  const ops: MapOperation[] = [];
  const lanes = new Map<LaneType, string>();
  const laneFor = (type: LaneType) => {
    let id = lanes.get(type);
    if (!id) {
      id = newId();
      lanes.set(type, id);
      ops.push({ op: "addLane", id, type, name: LANE_NAMES[type][spec.locale] });
    }
    return id;
  };
  for (const type of spec.lanes ?? template.lanes) laneFor(type);
  for (const stage of spec.stages) {
    const stageId = newId();
    ops.push({ op: "addStage", id: stageId, name: stage.name, color: stage.color });
    for (const step of stage.steps) {
      const stepId = newId();
      ops.push({ op: "addStep", id: stepId, stageId, name: step.name, parallel: step.parallel ?? false });
      if (step.goal) ops.push({ op: "updateStep", stepId, goal: true });
      for (const [lane, card] of cardsOf(step, ids)) ops.push({ op: "addCard", laneId: laneFor(lane), stepId, card });
      for (const [personaKey, value] of Object.entries(step.emotions))
        ops.push({ op: "setEmotion", personaId: ids.personaId(personaKey), stepId, value });
    }
  }
  applyMapOperations(doc, ops);
  return docToSnapshot(doc);
}
