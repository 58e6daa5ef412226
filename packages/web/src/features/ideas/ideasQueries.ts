import type { IdeaListQuery } from "@opencjm/core";
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { fetchIdeaEvidence, fetchIdeas, fetchMapWithSnapshot } from "./ideasApi.js";

const ideaKeys = {
  all: (workspaceId: string) => ["workspace", workspaceId, "ideas"] as const,
  list: (workspaceId: string, query: IdeaListQuery) => ["workspace", workspaceId, "ideas", "list", query] as const,
  evidence: (workspaceId: string, ideaId: string) => ["workspace", workspaceId, "ideas", "evidence", ideaId] as const,
};

/** The backlog with its filters and ranking. */
export function ideaListQuery(workspaceId: string, query: IdeaListQuery = {}) {
  return queryOptions({ queryKey: ideaKeys.list(workspaceId, query), queryFn: () => fetchIdeas(workspaceId, query) });
}

/** The evidence behind one idea. */
export function ideaEvidenceQuery(workspaceId: string, ideaId: string) {
  return queryOptions({
    queryKey: ideaKeys.evidence(workspaceId, ideaId),
    queryFn: () => fetchIdeaEvidence(workspaceId, ideaId),
  });
}

/** Asks again for every idea list of the workspace (the backlog, a map's badges) after a change. */
export function useReloadIdeas(workspaceId: string): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ideaKeys.all(workspaceId) });
}

/** The stages of one map, for the backlog's stage filter. */
export function mapStagesQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: ["workspace", workspaceId, "maps", mapId, "stages"] as const,
    queryFn: async () =>
      (await fetchMapWithSnapshot(workspaceId, mapId)).snapshot.stages.map((s) => ({ id: s.id, name: s.name })),
  });
}
