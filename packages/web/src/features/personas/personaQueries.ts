import type { Persona, PersonaFieldsInput } from "@opencjm/core";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { workspaceKeys } from "../../api/workspaceQueries.js";
import { createPersona, deletePersona, fetchPersona, savePersona } from "./personaApi.js";

/** One persona, under the workspace's persona list key, so a change to the list refreshes it too. */
export function personaQuery(workspaceId: string, personaId: string) {
  return queryOptions({
    queryKey: [...workspaceKeys.personas(workspaceId), personaId] as const,
    queryFn: ({ signal }) => fetchPersona(workspaceId, personaId, signal),
  });
}

/** Creates, saves and deletes personas; each keeps the workspace's persona list (and the persona's page) current. */
export function usePersonaMutations(workspaceId: string) {
  const client = useQueryClient();
  const listKey = workspaceKeys.personas(workspaceId);
  const stored = (persona: Persona) => {
    client.setQueryData(personaQuery(workspaceId, persona.id).queryKey, persona);
    void client.invalidateQueries({ queryKey: listKey, exact: true });
  };
  return {
    create: useMutation({
      mutationFn: (fields: PersonaFieldsInput) => createPersona(workspaceId, fields),
      onSuccess: stored,
    }),
    save: useMutation({
      mutationFn: ({ personaId, fields }: { personaId: string; fields: PersonaFieldsInput }) =>
        savePersona(workspaceId, personaId, fields),
      onSuccess: stored,
    }),
    remove: useMutation({
      mutationFn: (personaId: string) => deletePersona(workspaceId, personaId),
      onSuccess: (_, personaId) => {
        client.removeQueries({ queryKey: personaQuery(workspaceId, personaId).queryKey });
        void client.invalidateQueries({ queryKey: listKey, exact: true });
      },
    }),
    /** A photo was uploaded or removed: the persona and the list show the new one. */
    photoChanged: (persona: Persona) => stored(persona),
  };
}
