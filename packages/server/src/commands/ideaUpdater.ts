import type { Idea, IdeaUpdate } from "@opencjm/core";
import type { Services } from "../services.js";
import { getStoredIdea, updateIdeaFields } from "../store/ideaStore.js";
import { checkIdeaFields } from "./ideaFieldsChecker.js";
import { MapLookup, presentIdea } from "./ideaLinkResolver.js";

/**
 * Changes some fields of an idea; fields not sent keep their value. Links sent again that the idea already has are
 * kept as they are (so an anchor whose card was deleted survives an edit), new ones must exist.
 */
export async function updateIdea(
  services: Services,
  workspaceId: string,
  ideaId: string,
  patch: IdeaUpdate,
): Promise<Idea> {
  const stored = await getStoredIdea(services.db, workspaceId, ideaId);
  const maps = new MapLookup(services, workspaceId);
  const anchorsAsInput = () =>
    stored.anchors.map((l) =>
      l.cardId !== null
        ? { mapId: l.mapId, cardId: l.cardId }
        : { mapId: l.mapId, stepId: l.stepId ?? "", ...(l.laneId !== null ? { laneId: l.laneId } : {}) },
    );
  const fields = await checkIdeaFields(
    services,
    workspaceId,
    maps,
    {
      title: patch.title ?? stored.title,
      description: patch.description ?? stored.description,
      ownerId: patch.ownerId !== undefined ? patch.ownerId : stored.ownerId,
      tags: patch.tags ?? stored.tags,
      anchors: patch.anchors ?? anchorsAsInput(),
      steps: patch.steps ?? stored.steps.map((s) => ({ mapId: s.mapId, stepId: s.stepId ?? "" })),
      touchpointIds: patch.touchpointIds ?? stored.touchpointIds,
      kpiIds: patch.kpiIds ?? stored.kpiIds,
      ice: patch.ice !== undefined ? patch.ice : stored.ice,
      rice: patch.rice !== undefined ? patch.rice : stored.rice,
    },
    { anchors: stored.anchors, steps: stored.steps, touchpointIds: stored.touchpointIds },
  );
  await updateIdeaFields(services.db, stored, fields, new Date().toISOString());
  return presentIdea(maps, await getStoredIdea(services.db, workspaceId, ideaId));
}
