import { compileTouchpointRules } from "../rules/compileTouchpointRules.js";
import type { TouchpointRule, MetricsFilters, MetricsOptions } from "@opencjm/core";
import type { JourneyStore } from "../store/JourneyStore.js";
import type { MapStructure } from "./compileMapStructure.js";
import type { KernelPlan } from "./KernelPlan.js";

/** What a path node, activity or touchpoint index stands for, to label the results. */
export interface PlanLabels {
  touchpointIds: string[];
  /** Path node ids: step ids, then "tp:<touchpointId>" or "event:<name>" for off-map nodes. */
  nodeIds: string[];
  nodeKinds: Array<"step" | "touchpoint" | "event">;
  /** Per off-map node: its activity. */
  nodeActivity: number[];
}

/** Turns the map structure, rules, filters and options into the kernel's lookup tables. */
export function compileKernelPlan(
  store: JourneyStore,
  structure: MapStructure,
  rules: readonly TouchpointRule[],
  filters: MetricsFilters,
  options: MetricsOptions,
  customerMask: Uint8Array | undefined,
): { plan: KernelPlan; labels: PlanLabels } {
  const onMapTouchpoints = structure.steps.flatMap((s) => s.touchpointIds);
  const compiled = compileTouchpointRules(store, rules, onMapTouchpoints);
  const T = compiled.touchpointIds.length;
  const E = store.eventNames.length;
  const K = store.keyName.length;
  const S = structure.steps.length;
  const A = T + E;

  const allowedChannels = filters.channels ? new Set(filters.channels) : undefined;
  const activityOfKey = new Int32Array(K);
  const fallbackOfKey = new Int32Array(K);
  const occurs = new Uint8Array(A);
  for (let k = 0; k < K; k++) {
    const fallback = T + store.keyName[k]!;
    fallbackOfKey[k] = fallback;
    const channel = store.keyChannel[k]! < 0 ? undefined : store.channels[store.keyChannel[k]!];
    if (allowedChannels && (channel === undefined || !allowedChannels.has(channel))) {
      activityOfKey[k] = -1;
      continue;
    }
    let tp = compiled.touchpointOfKey[k]!;
    if (tp === -2 && !store.hasProperties) {
      // Without any properties in the data, conditions are decided once per key.
      tp = -1;
      for (let r = compiled.candidateStart[k]!; r < compiled.candidateStart[k + 1]!; r++) {
        const rule = compiled.candidateRule[r]!;
        if (compiled.ruleMatchesNone[rule] === 1) {
          tp = compiled.ruleTouchpoint[rule]!;
          break;
        }
      }
    }
    if (tp === -2) {
      activityOfKey[k] = -2;
      occurs[fallback] = 1;
      for (let r = compiled.candidateStart[k]!; r < compiled.candidateStart[k + 1]!; r++)
        occurs[compiled.ruleTouchpoint[compiled.candidateRule[r]!]!] = 1;
    } else {
      activityOfKey[k] = tp >= 0 ? tp : fallback;
      occurs[activityOfKey[k]!] = 1;
    }
  }

  const stepOfActivity = new Int32Array(A).fill(-1);
  compiled.touchpointIds.forEach((id, a) => (stepOfActivity[a] = structure.stepOfTouchpoint.get(id) ?? -1));
  const nodeIds = structure.steps.map((s) => s.id);
  const nodeKinds: PlanLabels["nodeKinds"] = structure.steps.map(() => "step");
  const nodeActivity: number[] = structure.steps.map(() => -1);
  const nodeOfActivity = new Int32Array(A).fill(-1);
  for (let a = 0; a < A; a++) {
    if (stepOfActivity[a]! >= 0) nodeOfActivity[a] = stepOfActivity[a]!;
    else if (options.includeOffMap && occurs[a] === 1) {
      nodeOfActivity[a] = nodeIds.length;
      nodeIds.push(a < T ? `tp:${compiled.touchpointIds[a]}` : `event:${store.eventNames[a - T]}`);
      nodeKinds.push(a < T ? "touchpoint" : "event");
      nodeActivity.push(a);
    }
  }

  const parse = (d: string | undefined, fallback: number) =>
    d === undefined ? fallback : Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);
  const plan: KernelPlan = {
    stepCount: S,
    stageCount: structure.stages.length,
    levelCount: structure.levelCount,
    activityCount: A,
    touchpointCount: T,
    nodeCount: nodeIds.length,
    keyCount: K,
    stepLevel: Int32Array.from(structure.steps, (s) => s.level),
    stepStage: Int32Array.from(structure.steps, (s) => s.stage),
    levelStart: Int32Array.from(structure.levelStart),
    activityOfKey,
    candidateStart: compiled.candidateStart,
    candidateRule: compiled.candidateRule,
    ruleActivity: compiled.ruleTouchpoint,
    ruleProperties: compiled.ruleProperties,
    ruleMatchesNone: compiled.ruleMatchesNone,
    fallbackOfKey,
    nodeOfActivity,
    stepOfActivity,
    fromMs: parse(filters.from, -Infinity),
    toMs: parse(filters.to, Infinity),
    windowMs: options.conversionWindowHours * 3_600_000,
    gapMs: options.sessionGapMinutes * 60_000,
    strict: options.order === "strict",
    sankeyDepth: options.sankeyDepth,
    topPaths: options.topPaths,
    customerMask,
  };
  return { plan, labels: { touchpointIds: compiled.touchpointIds, nodeIds, nodeKinds, nodeActivity } };
}
