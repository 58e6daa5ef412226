import { compileMapStructure, detectStepDrift, loadJourneyStore } from "@opencjm/analytics";
import type { DriftDigest, DriftSettings, MapDrift, StepDrift } from "@opencjm/core";
import { notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { getDriftSettings } from "../store/driftStore.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";

const DAY = 86_400_000;

/**
 * Where the later period ends: now, or when the data ends earlier (an export, the demo) the day after its last event;
 * less the settle days. Undefined when the workspace has no events.
 */
async function periodEnd(services: Services, workspaceId: string, settings: DriftSettings, now: number) {
  const store = await loadJourneyStore(await services.analytics.open(workspaceId));
  if (store.eventCount === 0) return undefined;
  const dataEnd = (Math.floor(store.maxTs / DAY) + 1) * DAY;
  return Math.min(now, dataEnd) - settings.settleDays * DAY;
}

/** The periods drift compares when there is no data: the last two periods before now. */
function emptyPeriods(settings: DriftSettings, now: number) {
  const until = now - settings.settleDays * DAY;
  const split = until - settings.periodDays * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    before: { from: iso(split - settings.periodDays * DAY), to: iso(split) },
    after: { from: iso(split), to: iso(until) },
  };
}

async function driftOfMap(
  services: Services,
  workspaceId: string,
  mapId: string,
  settings: DriftSettings,
  until: number,
) {
  const map = await services.maps.readSnapshot(mapId);
  const rules = await listTouchpointRules(services.db, workspaceId);
  // A map none of whose touchpoints is linked to events has nothing to measure; skip the engine's runs.
  const linked = new Set(rules.map((r) => r.touchpointId as string));
  if (![...compileMapStructure(map).stepOfTouchpoint.keys()].some((tp) => linked.has(tp)))
    return { ...emptyPeriods(settings, until + settings.settleDays * DAY), steps: [] };
  const events = await services.analytics.open(workspaceId);
  return detectStepDrift(events, { map, rules, segment: map.settings.segment, until, settings });
}

/**
 * Each step of a map measured over the workspace's latest two periods (PRODUCT.md §4.7, "keep the map alive"), the
 * steps that moved beyond the workspace's thresholds flagged; the map's own segment applies.
 */
export async function measureMapDrift(
  services: Services,
  workspaceId: string,
  mapId: string,
  now = Date.now(),
): Promise<MapDrift> {
  if (!(await services.maps.find(workspaceId, mapId))) throw notFound("map");
  const settings = await getDriftSettings(services.db, workspaceId);
  const until = await periodEnd(services, workspaceId, settings, now);
  if (until === undefined) return { mapId, ...emptyPeriods(settings, now), settings, steps: [] };
  const drift = await driftOfMap(services, workspaceId, mapId, settings, until);
  return { mapId, before: drift.before, after: drift.after, settings, steps: drift.steps };
}

const flaggedOnly = (steps: StepDrift[]): StepDrift[] =>
  steps.flatMap((s) => {
    const measures = s.measures.filter((m) => m.flagged);
    return measures.length ? [{ ...s, measures }] : [];
  });

/** The workspace digest: every map's flagged steps with only their flagged measures; maps with none are left out. */
export async function buildDriftDigest(
  services: Services,
  workspaceId: string,
  now = Date.now(),
): Promise<DriftDigest> {
  const settings = await getDriftSettings(services.db, workspaceId);
  const until = await periodEnd(services, workspaceId, settings, now);
  if (until === undefined) return { ...emptyPeriods(settings, now), settings, maps: [] };
  const maps: DriftDigest["maps"] = [];
  let periods = emptyPeriods(settings, now);
  for (const summary of await services.maps.list(workspaceId)) {
    const drift = await driftOfMap(services, workspaceId, summary.id, settings, until);
    periods = { before: drift.before, after: drift.after };
    const steps = flaggedOnly(drift.steps);
    if (steps.length) maps.push({ mapId: summary.id, title: summary.title, steps });
  }
  return { ...periods, settings, maps };
}
