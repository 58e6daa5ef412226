import { ChannelSchema, MapSnapshotSchema, PersonaSchema, TouchpointSchema, type MapSnapshot } from "@opencjm/core";
import { useCallback, useEffect, useState } from "react";
import { api, ApiRequestError } from "../../../api/apiClient.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { parseRows } from "../parseRows.js";
import { buildCatalogue } from "../useMapResources.js";

/** A shared map as the share endpoint gives it. */
export interface SharedMap {
  title: string;
  snapshot: MapSnapshot;
  catalogue: CellCatalogue;
}

/** Loading, failed (with the error and a retry), or the map. */
export type SharedMapState = { state: "loading" } | { state: "failed"; error: unknown; retry: () => void } | { state: "ready"; map: SharedMap };

/**
 * Reads `GET /api/share/{token}` (`{ map, snapshot, personas, touchpoints, channels }`) and checks it: the snapshot
 * must be a whole map of the current version; catalogue rows that do not parse are left out.
 */
export function useSharedMap(token: string): SharedMapState {
  const [state, setState] = useState<SharedMapState>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  useEffect(() => {
    const controller = new AbortController();
    setState({ state: "loading" });
    api
      .get<Record<string, unknown>>(`/api/share/${encodeURIComponent(token)}`, { signal: controller.signal })
      .then((body) => {
        const snapshot = MapSnapshotSchema.safeParse(body?.snapshot);
        if (!snapshot.success) throw new ApiRequestError(0, "invalid_response", `snapshot: ${snapshot.error.issues[0]?.message ?? "invalid"}`);
        const map = (body.map ?? {}) as { title?: unknown };
        const catalogue = buildCatalogue(parseRows(body.personas, PersonaSchema), parseRows(body.touchpoints, TouchpointSchema), parseRows(body.channels, ChannelSchema));
        setState({ state: "ready", map: { title: typeof map.title === "string" ? map.title : snapshot.data.settings.title, snapshot: snapshot.data, catalogue } });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ state: "failed", error, retry });
      });
    return () => controller.abort();
  }, [token, attempt, retry]);
  return state;
}
