import type { Services } from "../services.js";
import type { MapSummary } from "../store/MapDocumentService.js";

/** Records "map.renamed" when an edit changed the map's title (settings and operations can both rename). */
export async function recordMapRename(services: Services, before: MapSummary, actorId: string): Promise<void> {
  const after = await services.maps.find(before.workspaceId, before.id);
  if (!after || after.title === before.title) return;
  await services.activity.record({
    workspaceId: before.workspaceId,
    mapId: before.id,
    actorId,
    action: "map.renamed",
    data: { title: after.title, previousTitle: before.title },
  });
}
