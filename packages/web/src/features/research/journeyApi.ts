import type {
  JourneyStepAdoptRequest,
  JourneyStepAdopted,
  MapJourneys,
  ParticipantJourney,
  ParticipantJourneyPutRequest,
} from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/research`;
const journeyPath = (workspaceId: string, participantId: string, mapId: string) =>
  `${base(workspaceId)}/participants/${encodeURIComponent(participantId)}/journeys/${encodeURIComponent(mapId)}`;
const mapPath = (workspaceId: string, mapId: string) =>
  `${base(workspaceId)}/maps/${encodeURIComponent(mapId)}/journeys`;

/** A participant's journey on a map: as entered, else drafted from their highlights there. */
export function fetchParticipantJourney(
  workspaceId: string,
  participantId: string,
  mapId: string,
): Promise<ParticipantJourney> {
  return api.get<ParticipantJourney>(journeyPath(workspaceId, participantId, mapId));
}

/** Stores a participant's whole journey on a map as entered. */
export function saveParticipantJourney(
  workspaceId: string,
  participantId: string,
  mapId: string,
  body: ParticipantJourneyPutRequest,
): Promise<ParticipantJourney> {
  return api.put<ParticipantJourney>(journeyPath(workspaceId, participantId, mapId), body);
}

/** Deletes the entered journey, so the draft from highlights shows again. */
export function deleteParticipantJourney(workspaceId: string, participantId: string, mapId: string): Promise<unknown> {
  return api.delete(journeyPath(workspaceId, participantId, mapId));
}

/** Every participant's journey aggregated on a map. */
export function fetchMapJourneys(workspaceId: string, mapId: string): Promise<MapJourneys> {
  return api.get<MapJourneys>(mapPath(workspaceId, mapId));
}

/** Adds a step participants took to the map, and counts their journeys there. */
export function adoptJourneyStep(
  workspaceId: string,
  mapId: string,
  body: JourneyStepAdoptRequest,
): Promise<JourneyStepAdopted> {
  return api.post<JourneyStepAdopted>(`${mapPath(workspaceId, mapId)}/adopt`, body);
}
