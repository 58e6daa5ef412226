import { buildDraftSnapshot, draftFromData } from "@opencjm/analytics";
import {
  channelForEvent,
  type DraftFromDataRequestSchema,
  type DraftPlan,
  type MapSnapshot,
  type TouchpointId,
} from "@opencjm/core";
import type { z } from "zod";
import type { Services } from "../services.js";
import { listChannels } from "../store/channelStore.js";
import type { MapSummary } from "../store/MapDocumentService.js";
import { createTouchpointRule } from "../store/touchpointRuleStore.js";
import { createMapFromRequest } from "./mapCreator.js";
import { mapMetricsInput } from "./metricsForMap.js";
import { createTouchpoint } from "./touchpointCreator.js";

type DraftRequest = z.infer<typeof DraftFromDataRequestSchema>;

/** The plan of a current-state map drafted from the workspace's data under the request's filters, minus `leaveOut`. */
export async function previewMapDraft(
  services: Services,
  workspaceId: string,
  mapId: string,
  request: DraftRequest,
): Promise<DraftPlan> {
  const { title, leaveOut, ...metrics } = request;
  const input = await mapMetricsInput(services, workspaceId, mapId, metrics);
  const plan = await draftFromData(await services.analytics.open(workspaceId), {
    ...input,
    locale: input.map.settings.locale,
  });
  const dropped = new Set(leaveOut ?? []);
  return {
    ...plan,
    title: title ?? plan.title,
    stages: plan.stages
      .map((stage) => ({ ...stage, steps: stage.steps.filter((step) => !dropped.has(step.key)) }))
      .filter((stage) => stage.steps.length > 0),
  };
}

/**
 * Creates the drafted map (PRODUCT.md §4.6): for each step of an event no rule maps yet, a touchpoint named after the
 * event (on the catalogue channel its events' channel stands for) and the rule that maps the event to it, so every
 * step of the new map is linked to its events and shows its numbers; then the map itself, recorded in the activity.
 */
export async function createMapDraft(
  services: Services,
  input: { workspaceId: string; mapId: string; userId: string; request: DraftRequest },
): Promise<{ map: MapSummary; snapshot: MapSnapshot }> {
  const { workspaceId } = input;
  const plan = await previewMapDraft(services, workspaceId, input.mapId, input.request);
  const channels = await listChannels(services.db, workspaceId);
  const created = new Map<string, string>();
  for (const step of plan.stages.flatMap((s) => s.steps)) {
    // A rule names events of up to 200 characters; a longer name stays an action card on its step.
    if (step.touchpointId !== null || step.eventName === null || step.eventName.length > 200) continue;
    if (created.has(step.eventName)) continue;
    const channel = channelForEvent(channels, step.channel);
    const touchpoint = await createTouchpoint(services.db, workspaceId, {
      name: step.eventName,
      channelId: (channel?.id ?? "website") as Parameters<typeof createTouchpoint>[2]["channelId"],
      medium: "digital",
      description: "",
      ownerTeam: "",
    });
    await createTouchpointRule(services.db, workspaceId, {
      touchpointId: touchpoint.id as TouchpointId,
      eventNames: [step.eventName],
      conditions: [],
    });
    created.set(step.eventName, touchpoint.id);
  }
  const snapshot = buildDraftSnapshot(plan, {
    locale: (await services.maps.readSnapshot(input.mapId)).settings.locale,
    touchpointOf: (eventName) => created.get(eventName),
  });
  const { map } = await createMapFromRequest(services, {
    workspaceId,
    userId: input.userId,
    request: { snapshot: snapshot as unknown as Record<string, unknown> },
  });
  return { map, snapshot: await services.maps.readSnapshot(map.id) };
}
