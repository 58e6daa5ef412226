import {
  type MapSnapshot,
  type TouchpointRule,
  type MapMetrics,
  type MetricsFilters,
  type MetricsOptions,
  MetricsRequestSchema,
  type MetricsRequestInput,
} from "@opencjm/core";
import { buildConformance } from "../conformance/buildConformance.js";
import { buildDraftMap } from "../draft/buildDraftMap.js";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { buildPaths } from "../paths/buildPaths.js";
import { getSegmentMask } from "../queries/segment/getSegmentMask.js";
import type { JourneyStore } from "../store/JourneyStore.js";
import { loadJourneyStore } from "../store/loadJourneyStore.js";
import { buildActivityMetrics } from "./buildActivityMetrics.js";
import { buildStepMetrics } from "./buildStepMetrics.js";
import { compileKernelPlan, type PlanLabels } from "./compileKernelPlan.js";
import { compileMapStructure, type MapStructure } from "./compileMapStructure.js";
import { customerPath } from "./customerPath.js";
import { deriveCounters } from "./deriveCounters.js";
import type { KernelColumns } from "./KernelColumns.js";
import type { KernelPlan } from "./KernelPlan.js";
import type { MergedKernelResult } from "./mergeKernelPartials.js";
import { runKernelPartitions } from "./runKernelPartitions.js";

/** What metrics are computed for: the map, the workspace's touchpoint rules and names, filters and options. */
export interface MapMetricsInput {
  map: MapSnapshot;
  rules: readonly TouchpointRule[];
  /** Touchpoint names by id, to label paths and lists (the id is used when a name is missing). */
  touchpointNames?: Readonly<Record<string, string>>;
  request?: MetricsRequestInput;
}

/** How to run the kernel: into how many customer ranges to split, and whether worker threads may run them. */
export interface KernelRunOptions {
  partitions?: number;
  workers?: boolean;
}

/** The store's columns the kernel reads, with properties only when a rule needs them. */
export function kernelColumns(store: JourneyStore, needProperties: boolean): KernelColumns {
  return {
    offsets: store.offsets,
    ts: store.ts,
    key: store.key,
    scorePos: store.scorePos,
    scoreValue: store.scoreValue,
    scoreKind: store.scoreKind,
    textPos: store.textPos,
    textId: store.textId,
    textSentiment: store.textSentiment,
    textLanguage: store.textLanguage,
    propertiesId: needProperties ? store.propertiesId() : new Int32Array(0),
  };
}

/**
 * Computes every metric of a map over a workspace's customer data in one pass over its sorted journey store
 * (PRODUCT.md §4.6): reach, conversion, timing, scores and emotion, sentiment and quotes, paths, conformance and a
 * drafted current-state map. Semantics: packages/analytics/README.md.
 */
export async function computeMapMetrics(
  db: EventDatabase,
  input: MapMetricsInput,
  run: KernelRunOptions = {},
): Promise<MapMetrics> {
  const { filters, options } = MetricsRequestSchema.parse(input.request ?? {});
  const store = await loadJourneyStore(db);
  const structure = compileMapStructure(input.map);
  const mask = filters.segment ? await getSegmentMask(db, filters.segment, store.customerCount) : undefined;
  const { plan, labels } = compileKernelPlan(store, structure, input.rules, filters, options, mask);
  const needProperties = plan.activityOfKey.includes(-2);
  const columns = kernelColumns(store, needProperties);
  // The metrics are assembled inside the callback: the kernel's buffers are reused once it returns.
  return runKernelPartitions(
    `${store.generation}${needProperties ? "+properties" : ""}`,
    columns,
    plan,
    run,
    (merged) =>
      assembleMapMetrics({ input, store, structure, filters, options, plan, labels, merged }, (c) =>
        customerPath(columns, plan, c),
      ),
  );
}

/** What the kernel's merged counters are turned into metrics with (whichever engine produced them). */
export interface MergedMapRun {
  input: MapMetricsInput;
  /** The store's dictionaries, totals, text facts and the times of the positions quotes point at. */
  store: JourneyStore;
  structure: MapStructure;
  filters: MetricsFilters;
  options: MetricsOptions;
  plan: KernelPlan;
  labels: PlanLabels;
  merged: MergedKernelResult;
}

/**
 * Turns merged kernel partials into the map's metrics; `pathOf` spells out one customer's collapsed path (for the
 * listed variants). Shared by the DuckDB journey store and the ClickHouse shards.
 */
export function assembleMapMetrics(run: MergedMapRun, pathOf: (customer: number) => Int32Array): MapMetrics {
  const { input, store, structure, filters, options, plan, labels, merged } = run;
  deriveCounters(merged, plan, labels.nodeActivity);

  const name = (touchpointId: string) => input.touchpointNames?.[touchpointId] ?? touchpointId;
  const T = labels.touchpointIds.length;
  const activityLabel = (a: number) => (a < T ? name(labels.touchpointIds[a]!) : store.eventNames[a - T]!);
  const nodeLabel = (n: number) =>
    n < structure.steps.length ? structure.steps[n]!.name : activityLabel(labels.nodeActivity[n]!);
  const stepParts = buildStepMetrics(merged, structure, store, input.map.settings.emotionScale);
  const activityParts = buildActivityMetrics(merged, store, structure, labels.touchpointIds, plan.stepOfActivity, name);
  const onMapEvents = merged.stepEvents.reduce((n, v) => n + v, 0);

  const activities = Array.from({ length: plan.activityCount }, (_, a) => {
    const step = plan.stepOfActivity[a]!;
    return {
      label: activityLabel(a),
      touchpointId: a < T ? labels.touchpointIds[a] : undefined,
      customers: merged.activityCustomers[a]!,
      meanPosition:
        merged.activityCustomers[a]! > 0 ? merged.activityPositionSum[a]! / merged.activityCustomers[a]! : 0,
      stageName: step >= 0 ? structure.stages[structure.steps[step]!.stage]!.name : undefined,
    };
  }).filter((a) => a.customers > 0);

  const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
  // Built to the MapMetrics type; not re-parsed here (a self-check that cost as much as a tenth of the run).
  const metrics: MapMetrics = {
    computedAt: new Date().toISOString(),
    storeGeneration: store.generation,
    filters,
    options,
    totals: {
      customers: merged.customers,
      events: merged.events,
      storeCustomers: store.customerCount,
      storeEvents: store.eventCount,
      mappedEvents: merged.events - activityParts.unmapped.events,
      onMapEvents,
      firstEventAt: iso(store.minTs),
      lastEventAt: iso(store.maxTs),
    },
    ...stepParts,
    ...activityParts,
    paths: buildPaths(merged, labels.nodeIds, labels.nodeKinds, nodeLabel, pathOf, options),
    conformance: buildConformance(merged, labels.touchpointIds, plan.stepOfActivity, name),
    draft: buildDraftMap(activities, merged.customers, {
      minShare: options.draftMinShare,
      maxSteps: options.draftMaxSteps,
      locale: input.map.settings.locale,
    }),
    warnings: structure.warnings,
  };
  return metrics;
}
