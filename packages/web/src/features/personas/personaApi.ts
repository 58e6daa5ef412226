import type { Channel, Persona, PersonaFieldsInput } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/personas`;

/** One persona. */
export function fetchPersona(workspaceId: string, personaId: string, signal?: AbortSignal): Promise<Persona> {
  return api.get<Persona>(`${base(workspaceId)}/${encodeURIComponent(personaId)}`, { signal });
}

/** Creates a persona with a name (the rest is filled in on its page). */
export function createPersona(workspaceId: string, fields: PersonaFieldsInput): Promise<Persona> {
  return api.post<Persona>(base(workspaceId), fields);
}

/** Replaces the persona's fields with these (fields left out keep their stored value). */
export function savePersona(workspaceId: string, personaId: string, fields: Partial<PersonaFieldsInput>): Promise<Persona> {
  return api.patch<Persona>(`${base(workspaceId)}/${encodeURIComponent(personaId)}`, fields);
}

/** Deletes a persona. */
export function deletePersona(workspaceId: string, personaId: string): Promise<unknown> {
  return api.delete(`${base(workspaceId)}/${encodeURIComponent(personaId)}`);
}

/** The workspace's channel catalogue (preferred channels are picked from it). */
export function fetchChannels(workspaceId: string, signal?: AbortSignal): Promise<Channel[]> {
  return api.get<Channel[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/channels`, { signal });
}
