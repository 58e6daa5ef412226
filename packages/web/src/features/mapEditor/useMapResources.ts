import {
  ChannelSchema,
  PersonaSchema,
  TouchpointSchema,
  type Channel,
  type Persona,
  type Touchpoint,
} from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { channelListQuery, mapListQuery, personaListQuery, touchpointListQuery } from "../../api/workspaceQueries.js";
import type { CellCatalogue } from "../cells/CellContentProps.js";
import { parseRows } from "./parseRows.js";

/** What the editor loads besides the live document: the map's summary and the workspace catalogue. */
export type MapResources =
  | { state: "loading" }
  | { state: "failed"; error: unknown; retry: () => void }
  | { state: "ready"; catalogue: CellCatalogue; personas: readonly Persona[] };

/** Builds the lookup maps cells use to show references by name. */
export function buildCatalogue(
  personas: readonly Persona[],
  touchpoints: readonly Touchpoint[],
  channels: readonly Channel[],
): CellCatalogue {
  return {
    personas: new Map(personas.map((p) => [p.id, p])),
    touchpoints: new Map(touchpoints.map((t) => [t.id, t])),
    channels: new Map(channels.map((c) => [c.id, c])),
  };
}

/**
 * Loads the workspace catalogue the cells need, and checks the map is one of the workspace's maps (a not-found error
 * otherwise). The check reads the workspace's map list, not `GET …/maps/{mapId}`: that answer carries the whole
 * snapshot, which the server builds from the document (a tenth of a second of its time for a large map) just when the
 * editor's live connection needs it — and the live document carries everything the editor shows anyway. The editor
 * opens once the catalogue is in, without waiting for the list. All four come from the app's query cache, which
 * main.tsx starts filling before React renders when the page is an editor.
 */
export function useMapResources(workspaceId: string, mapId: string): MapResources {
  const maps = useQuery(mapListQuery(workspaceId));
  const personas = useQuery(personaListQuery(workspaceId));
  const touchpoints = useQuery(touchpointListQuery(workspaceId));
  const channels = useQuery(channelListQuery(workspaceId));

  const ready = useMemo(() => {
    if (personas.data === undefined || touchpoints.data === undefined || channels.data === undefined) return null;
    performance.mark("cjm:catalogue-loaded");
    const p = parseRows(personas.data, PersonaSchema);
    return {
      personas: p,
      catalogue: buildCatalogue(
        p,
        parseRows(touchpoints.data, TouchpointSchema),
        parseRows(channels.data, ChannelSchema),
      ),
    };
  }, [personas.data, touchpoints.data, channels.data]);

  // A list cached before this editor opened may predate the map (just imported, drafted, or made by a colleague): the
  // map is missing only if a list read since then lacks it.
  const [openedAt] = useState(() => Date.now());
  const absent = Array.isArray(maps.data) && !maps.data.some((m) => m?.id === mapId);
  const listIsOlder = maps.dataUpdatedAt < openedAt;
  useEffect(() => {
    if (absent && listIsOlder) void maps.refetch();
  }, [absent, listIsOlder, maps]);
  const missing = absent && !listIsOlder ? new ApiRequestError(404, "not_found", "map not found") : null;
  const failed = [maps, personas, touchpoints, channels].filter((q) => q.isError && q.data === undefined);
  if (missing || failed.length > 0)
    return {
      state: "failed",
      error: missing ?? failed[0]!.error,
      retry: () => failed.forEach((q) => void q.refetch()),
    };
  return ready ? { state: "ready", ...ready } : { state: "loading" };
}
