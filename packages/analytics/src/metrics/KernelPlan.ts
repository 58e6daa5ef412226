/**
 * Everything the one-pass kernel needs, as plain numbers and typed arrays so it can be posted to worker threads:
 * the map's structure, the event → activity → node lookups compiled from the rules, filters and options.
 * Activities are touchpoints (0…touchpointCount-1) and then unmapped event names (touchpointCount + name index).
 * Path nodes are the steps (0…stepCount-1) and then activities that are not on the map.
 */
export interface KernelPlan {
  stepCount: number;
  stageCount: number;
  levelCount: number;
  activityCount: number;
  /** Activities below this are touchpoints; the rest are unmapped event names. */
  touchpointCount: number;
  nodeCount: number;
  keyCount: number;
  /** Per step: its level (parallel steps share one) and stage index. Steps of a level are contiguous. */
  stepLevel: Int32Array;
  stepStage: Int32Array;
  /** First step of each level, plus the step count at the end. */
  levelStart: Int32Array;
  /** Per event key: its activity; -1 when filtered out (channel), -2 when property conditions decide (see rules). */
  activityOfKey: Int32Array;
  /** Keys decided by property conditions: candidate rules in order, as CSR (candidateStart per key). */
  candidateStart: Int32Array;
  candidateRule: Int32Array;
  /** Per rule: its activity, and whether events match it by their properties id (ruleProperties[r][id]; id -1 uses ruleMatchesNone). */
  ruleActivity: Int32Array;
  ruleProperties: Uint8Array[];
  ruleMatchesNone: Uint8Array;
  /** The activity an event has when no candidate rule matches (its unmapped event name), per key. */
  fallbackOfKey: Int32Array;
  /** Per activity: its path node (a step index, or stepCount + k for an off-map node), -1 when it is left out of paths. */
  nodeOfActivity: Int32Array;
  /** Per activity: the step it sits on, or -1. */
  stepOfActivity: Int32Array;
  fromMs: number;
  toMs: number;
  windowMs: number;
  gapMs: number;
  strict: boolean;
  sankeyDepth: number;
  /** Path variants listed: the worker threads keep this many of their own share of the variants. */
  topPaths: number;
  /** 1 for customers in the segment; undefined when there is no segment filter. */
  customerMask: Uint8Array | undefined;
}
