import type { JourneyStore } from "../store/JourneyStore.js";
import type { MapStructure } from "./compileMapStructure.js";
import type { MapMetrics } from "@opencjm/core";
import type { MergedKernelResult } from "./mergeKernelPartials.js";

/** How many unmapped (event name, channel) pairs are listed; the totals count all of them. */
export const UNMAPPED_LISTED = 100;

/** Per-touchpoint counts and time spent, unmapped events by name and channel, and session statistics. */
export function buildActivityMetrics(
  r: MergedKernelResult,
  store: JourneyStore,
  structure: MapStructure,
  touchpointIds: string[],
  stepOfActivity: Int32Array,
  labelOf: (touchpointId: string) => string,
): Pick<MapMetrics, "touchpoints" | "unmapped" | "sessions"> {
  const touchpoints = touchpointIds
    .map((id, a) => ({
      touchpointId: id,
      label: labelOf(id),
      stepId: stepOfActivity[a]! >= 0 ? structure.steps[stepOfActivity[a]!]!.id : null,
      events: r.activityEvents[a]!,
      customers: r.activityCustomers[a]!,
      timeSpentMs: r.activityTimeMs[a]!,
    }))
    .filter((t) => t.stepId !== null || t.events > 0);

  const items: MapMetrics["unmapped"]["items"] = [];
  let events = 0;
  for (let k = 0; k < r.keyEvents.length; k++) {
    if (r.keyEvents[k] === 0) continue;
    events += r.keyEvents[k]!;
    const channel = store.keyChannel[k]!;
    items.push({
      eventName: store.eventNames[store.keyName[k]!]!,
      channel: channel < 0 ? null : store.channels[channel]!,
      events: r.keyEvents[k]!,
      customers: r.keyCustomers[k]!,
    });
  }
  items.sort(
    (a, b) =>
      b.events - a.events ||
      (a.eventName < b.eventName ? -1 : a.eventName > b.eventName ? 1 : (a.channel ?? "") < (b.channel ?? "") ? -1 : 1),
  );

  return {
    touchpoints,
    unmapped: {
      events,
      customers: r.unmappedCustomers,
      distinct: items.length,
      items: items.slice(0, UNMAPPED_LISTED),
    },
    sessions: {
      count: r.sessions,
      meanDurationMs: r.sessions > 0 ? r.sessionDurationMs / r.sessions : null,
      meanEvents: r.sessions > 0 ? r.sessionEvents / r.sessions : null,
    },
  };
}
