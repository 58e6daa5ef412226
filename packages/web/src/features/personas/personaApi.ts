import type { Persona, PersonaFieldsInput } from "@opencjm/core";
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

/** Optional top-level fields; one left empty in the editor is sent as null so the server removes it. */
const CLEARABLE = ["urgency", "decisionRole", "avatarSeed", "photoUrl", "segment", "locale"] as const;

/** Saves every field of the persona as edited (optional fields left empty are cleared on the server). */
export function savePersona(workspaceId: string, personaId: string, fields: PersonaFieldsInput): Promise<Persona> {
  const body: Record<string, unknown> = { ...fields };
  for (const key of CLEARABLE) if (body[key] === undefined) body[key] = null;
  return api.patch<Persona>(`${base(workspaceId)}/${encodeURIComponent(personaId)}`, body);
}

/** The address of a persona's stored photo (upload with POST, remove with DELETE). */
export function personaPhotoPath(workspaceId: string, personaId: string): string {
  return `${base(workspaceId)}/${encodeURIComponent(personaId)}/photo`;
}

/** Deletes a persona. */
export function deletePersona(workspaceId: string, personaId: string): Promise<unknown> {
  return api.delete(`${base(workspaceId)}/${encodeURIComponent(personaId)}`);
}
