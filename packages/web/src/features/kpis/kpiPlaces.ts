import type { KpiAnchor, MapWithSnapshot, Touchpoint } from "@opencjm/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { touchpointListQuery } from "../../api/workspaceQueries.js";
import { fetchMapWithSnapshot } from "../ideas/ideasApi.js";

/** A stage, step or touchpoint a KPI can sit on. */
interface KpiPlace {
  id: string;
  name: string;
}

/** What a KPI can sit on in one map: its stages, its steps (with their stage) and the touchpoints on its cards. */
export interface MapPlaces {
  mapId: string;
  title: string;
  stages: KpiPlace[];
  steps: Array<KpiPlace & { stageId: string }>;
  touchpoints: KpiPlace[];
}

/** The map's body in the query cache (the same entry the idea dialog's pickers read). */
function mapSnapshotQuery(workspaceId: string, mapId: string) {
  return {
    queryKey: ["workspace", workspaceId, "maps", mapId, "snapshot"] as const,
    queryFn: () => fetchMapWithSnapshot(workspaceId, mapId),
    staleTime: 30_000,
  };
}

/** The places of a map, from its body and the workspace's touchpoint catalogue. */
export function placesOf(map: MapWithSnapshot, touchpoints: readonly Touchpoint[]): MapPlaces {
  const { snapshot } = map;
  const onMap = new Set<string>();
  for (const cell of snapshot.cells)
    for (const card of cell.cards) if (card.kind === "touchpoint") onMap.add(card.touchpointId);
  return {
    mapId: map.map.id,
    title: snapshot.settings.title,
    stages: snapshot.stages.map((s) => ({ id: s.id, name: s.name })),
    steps: snapshot.steps.map((s) => ({ id: s.id, name: s.name, stageId: s.stageId })),
    touchpoints: touchpoints.filter((tp) => onMap.has(tp.id)).map((tp) => ({ id: tp.id, name: tp.name })),
  };
}

/** The places of each of these maps, as each map's body arrives (a map that could not be loaded is left out). */
export function useMapPlaces(workspaceId: string, mapIds: readonly string[]): ReadonlyMap<string, MapPlaces> {
  const touchpoints = useQuery(touchpointListQuery(workspaceId));
  const maps = useQueries({ queries: mapIds.map((id) => mapSnapshotQuery(workspaceId, id)) });
  const out = new Map<string, MapPlaces>();
  for (const map of maps) if (map.data) out.set(map.data.map.id, placesOf(map.data, touchpoints.data ?? []));
  return out;
}

/** The name of what a KPI sits on ("" for the workspace, or when its map or place is gone). */
export function placeName(anchor: KpiAnchor, places: MapPlaces | undefined): string {
  if (anchor.kind === "workspace" || !places) return "";
  const list = anchor.kind === "stage" ? places.stages : anchor.kind === "step" ? places.steps : places.touchpoints;
  const id = anchor.kind === "stage" ? anchor.stageId : anchor.kind === "step" ? anchor.stepId : anchor.touchpointId;
  return list.find((p) => p.id === id)?.name ?? "";
}
