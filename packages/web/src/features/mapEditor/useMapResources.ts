import { ChannelSchema, PersonaSchema, TouchpointSchema, type Channel, type Persona, type Touchpoint } from "@opencjm/core";
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/apiClient.js";
import type { CellCatalogue } from "../cells/CellContentProps.js";
import { parseRows } from "./parseRows.js";

/** The map's row as the API lists it. */
export interface MapSummary {
  id: string;
  workspaceId: string;
  title: string;
  type: string;
  status: string;
  updatedAt: string;
}

/** What the editor loads besides the live document: the map's summary and the workspace catalogue. */
export type MapResources = { state: "loading" } | { state: "failed"; error: unknown; retry: () => void } | { state: "ready"; summary: MapSummary; catalogue: CellCatalogue; personas: readonly Persona[] };

/** Builds the lookup maps cells use to show references by name. */
export function buildCatalogue(personas: readonly Persona[], touchpoints: readonly Touchpoint[], channels: readonly Channel[]): CellCatalogue {
  return {
    personas: new Map(personas.map((p) => [p.id, p])),
    touchpoints: new Map(touchpoints.map((t) => [t.id, t])),
    channels: new Map(channels.map((c) => [c.id, c])),
  };
}

/** Loads the map summary (404 when the map is gone or not the caller's) and the catalogue, with a retry. */
export function useMapResources(workspaceId: string, mapId: string): MapResources {
  const [state, setState] = useState<MapResources>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const base = `/api/workspaces/${encodeURIComponent(workspaceId)}`;
    const get = <T,>(path: string) => api.get<T>(`${base}${path}`, { signal: controller.signal });
    setState({ state: "loading" });
    Promise.all([get<{ map: MapSummary }>(`/maps/${encodeURIComponent(mapId)}`), get<unknown>("/personas"), get<unknown>("/touchpoints"), get<unknown>("/channels")])
      .then(([map, personas, touchpoints, channels]) => {
        const p = parseRows(personas, PersonaSchema);
        setState({ state: "ready", summary: map.map, personas: p, catalogue: buildCatalogue(p, parseRows(touchpoints, TouchpointSchema), parseRows(channels, ChannelSchema)) });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ state: "failed", error, retry });
      });
    return () => controller.abort();
  }, [workspaceId, mapId, attempt, retry]);

  return state;
}
