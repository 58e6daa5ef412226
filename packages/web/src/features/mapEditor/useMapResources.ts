import {
  ChannelSchema,
  PersonaSchema,
  TouchpointSchema,
  type Channel,
  type MapListItem,
  type Persona,
  type Touchpoint,
} from "@opencjm/core";
import { useCallback, useEffect, useState } from "react";
import { api, ApiRequestError } from "../../api/apiClient.js";
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
 * editor's live connection needs it — and the live document carries everything the editor shows anyway.
 */
export function useMapResources(workspaceId: string, mapId: string): MapResources {
  const [state, setState] = useState<MapResources>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const base = `/api/workspaces/${encodeURIComponent(workspaceId)}`;
    const get = <T>(path: string) => api.get<T>(`${base}${path}`, { signal: controller.signal });
    setState({ state: "loading" });
    const fail = (error: unknown) => {
      if (!controller.signal.aborted) setState({ state: "failed", error, retry });
    };
    get<MapListItem[]>("/maps")
      .then((maps) => {
        if (Array.isArray(maps) && !maps.some((m) => m?.id === mapId))
          throw new ApiRequestError(404, "not_found", "map not found");
      })
      .catch(fail);
    Promise.all([get<unknown>("/personas"), get<unknown>("/touchpoints"), get<unknown>("/channels")])
      .then(([personas, touchpoints, channels]) => {
        performance.mark("cjm:catalogue-loaded");
        const p = parseRows(personas, PersonaSchema);
        if (!controller.signal.aborted)
          setState((s) =>
            s.state === "failed"
              ? s
              : {
                  state: "ready",
                  personas: p,
                  catalogue: buildCatalogue(
                    p,
                    parseRows(touchpoints, TouchpointSchema),
                    parseRows(channels, ChannelSchema),
                  ),
                },
          );
      })
      .catch(fail);
    return () => controller.abort();
  }, [workspaceId, mapId, attempt, retry]);

  return state;
}
