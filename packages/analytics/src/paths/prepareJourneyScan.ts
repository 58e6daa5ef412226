import { MetricsRequestSchema, type MapSnapshot, type MetricsRequestInput, type TouchpointRule } from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { compileKernelPlan, type PlanLabels } from "../metrics/compileKernelPlan.js";
import { compileMapStructure, type MapStructure } from "../metrics/compileMapStructure.js";
import { kernelColumns } from "../metrics/computeMapMetrics.js";
import type { KernelColumns } from "../metrics/KernelColumns.js";
import type { KernelPlan } from "../metrics/KernelPlan.js";
import { getSegmentMask } from "../queries/segment/getSegmentMask.js";
import type { JourneyStore } from "../store/JourneyStore.js";
import { loadJourneyStore } from "../store/loadJourneyStore.js";

/** What a scan of the journeys outside the kernel needs: the map, rules and request, as for the metrics. */
export interface JourneyScanInput {
  map: MapSnapshot;
  rules: readonly TouchpointRule[];
  request?: MetricsRequestInput;
}

/** The journey store and the compiled plan, ready for `forEachJourney`. */
export interface JourneyScan {
  store: JourneyStore;
  structure: MapStructure;
  plan: KernelPlan;
  labels: PlanLabels;
  columns: KernelColumns;
  request: ReturnType<typeof MetricsRequestSchema.parse>;
}

/**
 * Loads the journey store and compiles the same plan the one-pass kernel runs (rules, filters, segment, options), for
 * the on-demand scans that the map's metrics do not need every time (case durations, the drafted map's order).
 */
export async function prepareJourneyScan(db: EventDatabase, input: JourneyScanInput): Promise<JourneyScan> {
  const request = MetricsRequestSchema.parse(input.request ?? {});
  const store = await loadJourneyStore(db);
  const structure = compileMapStructure(input.map);
  const mask = request.filters.segment
    ? await getSegmentMask(db, request.filters.segment, store.customerCount)
    : undefined;
  const { plan, labels } = compileKernelPlan(store, structure, input.rules, request.filters, request.options, mask);
  const columns = kernelColumns(store, plan.activityOfKey.includes(-2));
  return { store, structure, plan, labels, columns, request };
}
