import type {
  Idea,
  IdeaCreateRequest,
  IdeaEvidence,
  IdeaListQuery,
  IdeaStatusChangeRequest,
  IdeaUpdate,
  MapWithSnapshot,
  MatrixPosition,
} from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/ideas`;
const one = (workspaceId: string, ideaId: string) => `${base(workspaceId)}/${encodeURIComponent(ideaId)}`;

/** The backlog with its filters and ranking. */
export function fetchIdeas(workspaceId: string, query: IdeaListQuery = {}): Promise<Idea[]> {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const suffix = params.size > 0 ? `?${params.toString()}` : "";
  return api.get<Idea[]>(`${base(workspaceId)}${suffix}`);
}

/** Creates an idea (status new). */
export function createIdea(workspaceId: string, body: IdeaCreateRequest): Promise<Idea> {
  return api.post<Idea>(base(workspaceId), body);
}

/** Changes some fields of an idea. */
export function updateIdea(workspaceId: string, ideaId: string, body: IdeaUpdate): Promise<Idea> {
  return api.patch<Idea>(one(workspaceId, ideaId), body);
}

/** Moves an idea along its workflow. */
export function changeIdeaStatus(workspaceId: string, ideaId: string, body: IdeaStatusChangeRequest): Promise<Idea> {
  return api.post<Idea>(`${one(workspaceId, ideaId)}/status`, body);
}

/** Places an idea on the impact/effort matrix. */
export function moveIdeaOnMatrix(workspaceId: string, ideaId: string, position: MatrixPosition): Promise<Idea> {
  return api.put<Idea>(`${one(workspaceId, ideaId)}/matrix`, position);
}

/** Deletes an idea. */
export function deleteIdea(workspaceId: string, ideaId: string): Promise<unknown> {
  return api.delete(one(workspaceId, ideaId));
}

/** What the customer data says at the idea's linked steps. */
export function fetchIdeaEvidence(workspaceId: string, ideaId: string): Promise<IdeaEvidence> {
  return api.get<IdeaEvidence>(`${one(workspaceId, ideaId)}/evidence`);
}

/** One map with its body (for the names of its stages). */
export function fetchMapWithSnapshot(workspaceId: string, mapId: string): Promise<MapWithSnapshot> {
  return api.get<MapWithSnapshot>(
    `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}`,
  );
}
