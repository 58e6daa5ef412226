import { useQueryClient, type FetchQueryOptions, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { commentThreadsQuery } from "../comments/commentsApi.js";
import { mapDriftQuery } from "../drift/driftApi.js";
import { importListQuery } from "../evidence/api/evidenceQueries.js";
import { storedDataChoice } from "../evidence/map/storedDataChoice.js";
import { ideaListQuery } from "../ideas/ideasQueries.js";
import { mapJourneysQuery } from "../research/journeyQueries.js";
import { mapResearchSummaryQuery } from "../research/researchQueries.js";
import { mapSurveyScoresQuery } from "../research/surveyQueries.js";

/**
 * Starts the requests the editor makes for what it shows beside the map (threads, ideas, research, survey scores,
 * drift, and whether the workspace has data) while the map itself is still on its way, so they are not started in
 * the same task that first draws the grid and their answers are there when it is drawn. Called while the editor's
 * page renders, like TanStack's `usePrefetchQuery`: a query already in the cache (answered, failed or on its way) is
 * left alone, so rendering again asks nothing twice. The editor's own queries use the same keys and fetchers.
 */
export function usePrefetchEditorData(workspaceId: string, mapId: string): void {
  const client = useQueryClient();
  startUnasked(client, commentThreadsQuery(workspaceId, mapId));
  startUnasked(client, ideaListQuery(workspaceId, { mapId }));
  startUnasked(client, mapResearchSummaryQuery(workspaceId, mapId));
  startUnasked(client, mapJourneysQuery(workspaceId, mapId));
  startUnasked(client, mapSurveyScoresQuery(workspaceId, mapId));
  startUnasked(client, mapDriftQuery(workspaceId, mapId));
  // Asked only while the data view follows the data (EvidenceProvider): a choice made for this map on this device decides alone.
  if (storedDataChoice(mapId) === null) startUnasked(client, importListQuery(workspaceId));
}

function startUnasked<TData, TKey extends QueryKey>(
  client: QueryClient,
  query: FetchQueryOptions<TData, Error, TData, TKey>,
): void {
  if (!client.getQueryState(query.queryKey)) void client.prefetchQuery(query);
}
