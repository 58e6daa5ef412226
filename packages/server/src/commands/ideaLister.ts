import type { Idea, IdeaListQuery } from "@opencjm/core";
import type { Services } from "../services.js";
import { listStoredIdeas } from "../store/ideaStore.js";
import { MapLookup, presentIdea } from "./ideaLinkResolver.js";

const byScore = (score: (idea: Idea) => number | null) => (a: Idea, b: Idea) =>
  // Unscored ideas rank last, whatever the direction.
  (score(b) ?? Number.NEGATIVE_INFINITY) - (score(a) ?? Number.NEGATIVE_INFINITY);

const sorters: Record<NonNullable<IdeaListQuery["sort"]>, (a: Idea, b: Idea) => number> = {
  ice: byScore((idea) => idea.iceScore),
  rice: byScore((idea) => idea.riceScore),
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  created: (a, b) => b.createdAt.localeCompare(a.createdAt),
};

/**
 * The workspace's backlog: ideas narrowed by map, stage (of any step or card they link to), status, owner and tag,
 * ranked by ICE or RICE score (highest first, unscored last) or by date (newest first).
 */
export async function listIdeas(services: Services, workspaceId: string, query: IdeaListQuery): Promise<Idea[]> {
  const stored = await listStoredIdeas(services.db, workspaceId, {
    status: query.status,
    ownerId: query.ownerId,
    mapId: query.mapId,
  });
  const maps = new MapLookup(services, workspaceId);
  const ideas: Idea[] = [];
  for (const idea of stored) {
    if (query.tag !== undefined && !idea.tags.includes(query.tag)) continue;
    const presented = await presentIdea(maps, idea);
    if (query.stageId !== undefined) {
      const links = [...presented.anchors, ...presented.steps];
      if (!links.some((l) => l.stageId === query.stageId)) continue;
    }
    ideas.push(presented);
  }
  // Array.prototype.sort is stable, so ties keep the newest-first order of the store.
  return ideas.sort(sorters[query.sort ?? "created"]);
}
