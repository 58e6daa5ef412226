import {
  ChannelSchema,
  InfographicSchema,
  MapMetricsSchema,
  MapSnapshotSchema,
  PersonaSchema,
  PrintTableSchema,
  TouchpointSchema,
  type Infographic,
  type MapMetrics,
  type PrintLayout,
  type PrintTable,
  type MapSnapshot,
} from "@opencjm/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { ApiRequestError } from "../../../api/apiClient.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { parseRows } from "../parseRows.js";
import { buildCatalogue } from "../useMapResources.js";

/** A shared map as the share endpoint gives it. */
export interface SharedMap {
  title: string;
  snapshot: MapSnapshot;
  catalogue: CellCatalogue;
  /** The data lane's numbers, only on the link an export prints through when the workspace has data. */
  metrics?: MapMetrics | null;
  /** What the PDF prints after the map (descriptions, ideas, KPIs), only on that same link. */
  appendix?: PrintTable[];
  /** The research appendix, only on a link that includes it (its sharer chose it, or the exporting member asked). */
  research?: PrintTable[];
  /** What the infographic prints beyond the map (pains, opportunities, ideas, numbers), only on that same link. */
  infographic?: Infographic;
}

/** Loading, failed (with the error and a retry), or the map. */
export type SharedMapState =
  { state: "loading" } | { state: "failed"; error: unknown; retry: () => void } | { state: "ready"; map: SharedMap };

/** How often an open share page asks whether the map changed (an unchanged map costs the server one hash). */
const POLL_MS = 15_000;

/** Checks a share answer: the snapshot must be a whole map of the current version; catalogue rows that do not parse are left out. */
export function parseSharedMap(body: unknown): SharedMap {
  const record = (body ?? {}) as Record<string, unknown>;
  const snapshot = MapSnapshotSchema.safeParse(record.snapshot);
  if (!snapshot.success)
    throw new ApiRequestError(0, "invalid_response", `snapshot: ${snapshot.error.issues[0]?.message ?? "invalid"}`);
  const map = (record.map ?? {}) as { title?: unknown };
  const catalogue = buildCatalogue(
    parseRows(record.personas, PersonaSchema),
    parseRows(record.touchpoints, TouchpointSchema),
    parseRows(record.channels, ChannelSchema),
  );
  const metrics = MapMetricsSchema.safeParse(record.metrics);
  const infographic = InfographicSchema.safeParse(record.infographic);
  return {
    title: typeof map.title === "string" ? map.title : snapshot.data.settings.title,
    snapshot: snapshot.data,
    catalogue,
    metrics: metrics.success ? metrics.data : null,
    appendix: parseRows(record.appendix, PrintTableSchema),
    research: parseRows(record.research, PrintTableSchema),
    ...(infographic.success ? { infographic: infographic.data } : {}),
  };
}

async function fetchShared(
  token: string,
  etag: string | null,
  signal: AbortSignal,
  lang: string | null,
  layout: PrintLayout,
): Promise<{ map: SharedMap; etag: string | null } | null> {
  let response: Response;
  try {
    const params = new URLSearchParams();
    if (lang) params.set("lang", lang);
    if (layout === "infographic") params.set("layout", layout);
    const query = params.size > 0 ? `?${params}` : "";
    response = await fetch(`/api/share/${encodeURIComponent(token)}${query}`, {
      headers: { accept: "application/json", ...(etag ? { "if-none-match": etag } : {}) },
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiRequestError(0, "network", err instanceof Error ? err.message : String(err));
  }
  if (response.status === 304) return null;
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiRequestError(
      response.status,
      payload.error?.code ?? `http_${response.status}`,
      payload.error?.message ?? response.statusText,
    );
  }
  return { map: parseSharedMap(await response.json()), etag: response.headers.get("etag") };
}

/**
 * Reads a shared map (`GET /api/share/{token}`) and, with `follow`, keeps it current: while the page is visible it asks
 * again now and then with the ETag it has, and takes the new map only when the server says it changed. `lang` is the
 * language of the tables the server words (a PDF's appendix, the research); `layout` asks an export's link for the
 * infographic's summary.
 */
export function useSharedMap(
  token: string,
  follow: boolean,
  lang: string | null = null,
  layout: PrintLayout = "map",
): SharedMapState {
  const client = useQueryClient();
  const etag = useRef<string | null>(null);
  const key = ["share", token, lang, layout] as const;
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const known = client.getQueryData<SharedMap>(key);
      const answer = await fetchShared(token, known ? etag.current : null, signal, lang, layout);
      if (!answer) return known!;
      etag.current = answer.etag;
      return answer.map;
    },
    // The interval pauses while the page is hidden; a revoked or expired link (404) stops it.
    refetchInterval: (q) =>
      follow && !(q.state.error instanceof ApiRequestError && q.state.error.status === 404) ? POLL_MS : false,
    staleTime: follow ? 0 : Infinity,
    // Another language keeps this map on screen while its tables are asked for again (never another link's map).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === token ? previous : undefined),
  });
  const error = query.error;
  // A revoked or expired link stops the page; a passing network hiccup while following does not.
  if (error && (query.data === undefined || (error instanceof ApiRequestError && error.status === 404)))
    return { state: "failed", error, retry: () => void query.refetch() };
  return query.data === undefined ? { state: "loading" } : { state: "ready", map: query.data };
}
