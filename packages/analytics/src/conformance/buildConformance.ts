import type { MapMetrics } from "@opencjm/core";
import type { MergedKernelResult } from "../metrics/mergeKernelPartials.js";

/**
 * Conformance of real journeys to the map: the share of customers (with at least one event at a step of the map) whose
 * step sequence never skips a level, never steps back and never returns to a step it left, and the touchpoints found
 * in the data that are on no step of the map.
 */
export function buildConformance(
  r: MergedKernelResult,
  touchpointIds: string[],
  stepOfActivity: Int32Array,
  labelOf: (touchpointId: string) => string,
): MapMetrics["conformance"] {
  const missingTouchpoints = touchpointIds
    .map((id, a) => ({
      touchpointId: id,
      label: labelOf(id),
      events: r.activityEvents[a]!,
      customers: r.activityCustomers[a]!,
      onMap: stepOfActivity[a]! >= 0,
    }))
    .filter((t) => !t.onMap && t.events > 0)
    .sort((a, b) => b.events - a.events || (a.touchpointId < b.touchpointId ? -1 : 1))
    .map(({ onMap: _onMap, ...t }) => t);
  return {
    customers: r.mapCustomers,
    conforming: r.conforming,
    share: r.mapCustomers > 0 ? r.conforming / r.mapCustomers : null,
    withSkips: r.withSkips,
    withBackSteps: r.withBackSteps,
    withLoops: r.withLoops,
    missingTouchpoints,
  };
}
