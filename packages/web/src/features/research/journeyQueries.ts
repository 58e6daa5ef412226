import { queryOptions } from "@tanstack/react-query";
import { fetchMapJourneys, fetchParticipantJourney } from "./journeyApi.js";

// Under the workspace's research, so an erasure or any research change drops them with the rest.
const journeyKeys = {
  participant: (workspaceId: string, participantId: string, mapId: string) =>
    ["workspace", workspaceId, "research", "journey", participantId, mapId] as const,
  map: (workspaceId: string, mapId: string) => ["workspace", workspaceId, "research", "mapJourneys", mapId] as const,
};

/** One participant's journey on one map. */
export function participantJourneyQuery(workspaceId: string, participantId: string, mapId: string) {
  return queryOptions({
    queryKey: journeyKeys.participant(workspaceId, participantId, mapId),
    queryFn: () => fetchParticipantJourney(workspaceId, participantId, mapId),
  });
}

/** Participants' journeys aggregated on one map. */
export function mapJourneysQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: journeyKeys.map(workspaceId, mapId),
    queryFn: () => fetchMapJourneys(workspaceId, mapId),
  });
}
