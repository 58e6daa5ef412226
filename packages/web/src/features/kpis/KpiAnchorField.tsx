import type { KpiAnchor } from "@opencjm/core";
import { useI18n, type I18n } from "../../i18n/I18nProvider.js";
import { placeName, type MapPlaces } from "./kpiPlaces.js";

/** The step a KPI card sits on and its stage, as the live map names them. */
export interface KpiCardFocus {
  stepId: string;
  stepName: string;
  stageId: string;
  stageName: string;
}

const encode = (anchor: KpiAnchor): string =>
  anchor.kind === "workspace"
    ? "workspace"
    : `${anchor.kind}:${anchor.kind === "stage" ? anchor.stageId : anchor.kind === "step" ? anchor.stepId : anchor.touchpointId}`;

function decode(value: string, mapId: string | null): KpiAnchor {
  const [kind, id = ""] = value.split(/:(.*)/s);
  if (!mapId || kind === "workspace") return { kind: "workspace" };
  if (kind === "stage") return { kind: "stage", mapId, stageId: id };
  if (kind === "step") return { kind: "step", mapId, stepId: id };
  return { kind: "touchpoint", mapId, touchpointId: id };
}

/** What a KPI sits on in words: "Stage: Discover", "The whole workspace"; a place gone from its map says so. */
export function anchorText(anchor: KpiAnchor, places: MapPlaces | undefined, t: I18n["t"]): string {
  if (anchor.kind === "workspace") return t("kpis.anchor.workspace");
  const name = placeName(anchor, places);
  return name ? t(`kpis.anchor.${anchor.kind}`, { name }) : t(`kpis.anchor.${anchor.kind}Missing`);
}

/** Whether an anchor names its stage, step or touchpoint (a map was chosen, but not yet what on it). */
export const anchorComplete = (anchor: KpiAnchor): boolean => !encode(anchor).endsWith(":");

/**
 * Where a new KPI sits: the whole workspace, or a stage, step or touchpoint of a map. On a KPI card (`focus`) it offers
 * that step, its stage, the map's touchpoints and the workspace; on the KPI list (`maps`) a map is chosen first.
 */
export function KpiAnchorField({
  mapId,
  onMapChange,
  maps,
  value,
  onChange,
  places,
  focus,
}: {
  /** The map the KPI is on or may go on (null: none chosen, the workspace). */
  mapId: string | null;
  onMapChange?: (mapId: string | null) => void;
  /** The workspace's maps, to choose one from (the KPI list); left out on a KPI card, whose map is fixed. */
  maps?: ReadonlyArray<{ id: string; title: string }>;
  value: KpiAnchor;
  onChange: (anchor: KpiAnchor) => void;
  /** The map's stages, steps and touchpoints (undefined while loading or without a map). */
  places: MapPlaces | undefined;
  focus?: KpiCardFocus;
}) {
  const { t } = useI18n();
  const stages = focus
    ? [{ id: focus.stageId, name: t("kpis.anchor.itsStage", { name: focus.stageName }) }]
    : places?.stages;
  const steps = focus
    ? [{ id: focus.stepId, name: t("kpis.anchor.thisStep", { name: focus.stepName }) }]
    : places?.steps;
  const groups = [
    { kind: "step", label: t("kpis.anchor.steps"), items: steps ?? [] },
    { kind: "stage", label: t("kpis.anchor.stages"), items: stages ?? [] },
    { kind: "touchpoint", label: t("kpis.anchor.touchpoints"), items: places?.touchpoints ?? [] },
  ].filter((g) => g.items.length > 0);
  const complete = anchorComplete(value);
  return (
    <>
      {maps && onMapChange && (
        <label>
          {t("kpis.anchor.map")}
          <select value={mapId ?? ""} onChange={(e) => onMapChange(e.target.value || null)}>
            <option value="">{t("kpis.anchor.noMap")}</option>
            {maps.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t("kpis.anchor.label")}
        <select
          value={complete ? encode(value) : ""}
          onChange={(e) => onChange(decode(e.target.value, mapId))}
          data-testid="kpi-anchor"
        >
          {!complete && (
            <option value="" disabled>
              {places || !mapId ? t("kpis.anchor.choose") : t("kpis.anchor.loading")}
            </option>
          )}
          {(!maps || mapId === null) && <option value="workspace">{t("kpis.anchor.workspace")}</option>}
          {mapId !== null &&
            groups.map((g) => (
              <optgroup key={g.kind} label={g.label}>
                {g.items.map((p) => (
                  <option key={p.id} value={`${g.kind}:${p.id}`}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
    </>
  );
}
