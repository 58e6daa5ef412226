import type { Kpi, MapWithSnapshot, Touchpoint } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/apiClient.js";
import { touchpointListQuery } from "../../api/workspaceQueries.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { fetchMapWithSnapshot } from "./ideasApi.js";
import type { LinkChoice } from "./LinkPicker.js";

/** What an idea's pickers offer on one map: its steps, its touchpoints and the KPIs defined on it or the workspace. */
export interface IdeaLinkChoices {
  steps: LinkChoice[];
  touchpoints: LinkChoice[];
  kpis: LinkChoice[];
  /** Names of every touchpoint and KPI of the workspace, for links made on another map. */
  touchpointNames: ReadonlyMap<string, string>;
  kpiNames: ReadonlyMap<string, string>;
}

/** The key of a step in a picker: a step is named by its map and its id. */
export const stepKey = (mapId: string, stepId: string) => `${mapId}/${stepId}`;

/** The workspace's KPIs (every map and the workspace itself). */
function fetchKpis(workspaceId: string): Promise<{ kpis: Kpi[] }> {
  return api.get<{ kpis: Kpi[] }>(`/api/workspaces/${encodeURIComponent(workspaceId)}/kpis`);
}

/** The steps (with their stage), touchpoints and KPIs of the map, as picker choices. */
function choicesOf(
  mapId: string,
  map: MapWithSnapshot | undefined,
  touchpoints: readonly Touchpoint[],
  kpis: readonly Kpi[],
  workspaceLabel: string,
): IdeaLinkChoices {
  const snapshot = map?.snapshot;
  // Keyed by plain strings: a KPI's anchor names its stage or step as the API answers it, unbranded.
  const stageNames = new Map<string, string>(snapshot?.stages.map((s) => [s.id, s.name]) ?? []);
  const stepNames = new Map<string, string>(snapshot?.steps.map((s) => [s.id, s.name]) ?? []);
  const touchpointNames = new Map<string, string>(touchpoints.map((tp) => [tp.id, tp.name]));
  const onMap = new Set<string>();
  for (const cell of snapshot?.cells ?? [])
    for (const card of cell.cards) if (card.kind === "touchpoint") onMap.add(card.touchpointId);
  const anchorHint = ({ anchor }: Kpi): string => {
    switch (anchor.kind) {
      case "workspace":
        return workspaceLabel;
      case "stage":
        return stageNames.get(anchor.stageId) ?? "";
      case "step":
        return stepNames.get(anchor.stepId) ?? "";
      case "touchpoint":
        return touchpointNames.get(anchor.touchpointId) ?? "";
    }
  };
  return {
    steps: (snapshot?.steps ?? []).map((s) => ({
      key: stepKey(mapId, s.id),
      label: s.name,
      hint: stageNames.get(s.stageId),
    })),
    touchpoints: touchpoints.filter((tp) => onMap.has(tp.id)).map((tp) => ({ key: tp.id, label: tp.name })),
    kpis: kpis
      .filter((k) => k.anchor.kind === "workspace" || k.anchor.mapId === mapId)
      .map((k) => ({ key: k.id, label: k.name, hint: anchorHint(k) })),
    touchpointNames,
    kpiNames: new Map(kpis.map((k) => [k.id, k.name])),
  };
}

/** Loads what the idea dialog's pickers offer for a map (nothing while no map is known). */
export function useIdeaLinkChoices(workspaceId: string, mapId: string | undefined): IdeaLinkChoices {
  const { t } = useI18n();
  const map = useQuery({
    queryKey: ["workspace", workspaceId, "maps", mapId ?? "", "snapshot"] as const,
    queryFn: () => fetchMapWithSnapshot(workspaceId, mapId!),
    enabled: mapId !== undefined,
  });
  const touchpoints = useQuery(touchpointListQuery(workspaceId));
  const kpis = useQuery({
    queryKey: ["kpis", "workspace", workspaceId] as const,
    queryFn: () => fetchKpis(workspaceId),
  });
  return choicesOf(
    mapId ?? "",
    mapId === undefined ? undefined : map.data,
    touchpoints.data ?? [],
    kpis.data?.kpis ?? [],
    t("ideas.pick.onWorkspace"),
  );
}
