import type { Locale, MapType } from "@opencjm/core";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { workspaceKeys } from "../../api/workspaceQueries.js";
import {
  createMap,
  fetchTemplatePreview,
  fetchTemplates,
  updateMapSettings,
  type NewMapRequest,
} from "./templateApi.js";

/** Templates do not change while the app runs: read once per language. */
const templateKeys = {
  list: (locale: Locale) => ["templates", locale] as const,
  preview: (locale: Locale, templateId: string) => ["templates", locale, templateId] as const,
};

/** The template gallery in a language. */
export function templateListQuery(locale: Locale) {
  return queryOptions({
    queryKey: templateKeys.list(locale),
    queryFn: ({ signal }) => fetchTemplates(locale, signal),
    staleTime: Infinity,
  });
}

/** The map a template would create, for its preview. */
export function templatePreviewQuery(locale: Locale, templateId: string) {
  return queryOptions({
    queryKey: templateKeys.preview(locale, templateId),
    queryFn: ({ signal }) => fetchTemplatePreview(templateId, locale, signal),
    staleTime: Infinity,
  });
}

/** Creates a map (from a template or a whole snapshot), then sets a type other than the template's; the map list shows it. */
export function useCreateMap(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ request, retype }: { request: NewMapRequest; retype?: MapType }) => {
      const created = await createMap(workspaceId, request);
      if (retype) await updateMapSettings(workspaceId, created.map.id, { type: retype });
      return created;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: workspaceKeys.maps(workspaceId), exact: true }),
  });
}
