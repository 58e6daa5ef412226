import { compileMapStructure, KpiSpecError, placeKpi, type KpiSpec } from "@opencjm/analytics";
import type { KpiCreateSchema } from "@opencjm/core";
import { type Kpi, type KpiAnchor, type KpiPatch, type KpiSource, type MapSnapshot } from "@opencjm/core";
import type { z } from "zod";
import type { DomainError } from "../errors/DomainError.js";
import { fieldError, notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { findKpi, insertKpi, requireKpiOwner, updateKpi } from "../store/kpiStore.js";
import { touchpointNames } from "../store/touchpointStore.js";

/** The engine's view of a data KPI, or undefined for one entered by hand or on the workspace. */
export function kpiSpecOf(kpi: { id: string; anchor: KpiAnchor; source: KpiSource }): KpiSpec | undefined {
  const { anchor, source } = kpi;
  if (source.kind !== "data" || anchor.kind === "workspace") return undefined;
  const where =
    anchor.kind === "step"
      ? { kind: "step" as const, stepId: anchor.stepId }
      : anchor.kind === "stage"
        ? { kind: "stage" as const, stageId: anchor.stageId }
        : { kind: "touchpoint" as const, touchpointId: anchor.touchpointId };
  return { id: kpi.id, measure: source.measure, anchor: where, toStepId: source.toStepId };
}

/** A KPI the map cannot answer, as the caller's error naming the field (a step deleted since: 422). */
export function kpiProblem(err: KpiSpecError, kind: "invalid" | "unprocessable" = "invalid"): DomainError {
  return fieldError(err.field, err.message, { code: err.code, kind });
}

/** Checks a KPI against its map: the map is the workspace's, the stage, step or touchpoint exists, the measure fits. */
async function checkKpi(services: Services, workspaceId: string, anchor: KpiAnchor, source: KpiSource): Promise<void> {
  if (anchor.kind === "workspace") {
    if (source.kind === "data")
      throw fieldError(
        "source.kind",
        "a KPI on the workspace is entered by hand; put a KPI computed from the data on a stage, step or touchpoint of a map",
        { code: "kpi_data_needs_map" },
      );
    return;
  }
  if (!(await services.maps.find(workspaceId, anchor.mapId)))
    throw fieldError("anchor.mapId", `no map "${anchor.mapId}" in this workspace`, { detail: "unknown map" });
  const snapshot: MapSnapshot = await services.maps.readSnapshot(anchor.mapId);
  if (anchor.kind === "step" && !snapshot.steps.some((s) => s.id === anchor.stepId))
    throw fieldError("anchor.stepId", `the map has no step "${anchor.stepId}"`, { code: "kpi_unknown_step" });
  if (anchor.kind === "stage" && !snapshot.stages.some((s) => s.id === anchor.stageId))
    throw fieldError("anchor.stageId", `the map has no stage "${anchor.stageId}"`, { code: "kpi_unknown_stage" });
  if (anchor.kind === "touchpoint" && !(anchor.touchpointId in (await touchpointNames(services.db, workspaceId))))
    throw fieldError("anchor.touchpointId", `no touchpoint "${anchor.touchpointId}" in this workspace`, {
      code: "kpi_unknown_touchpoint",
    });
  const spec = kpiSpecOf({ id: "new", anchor, source });
  if (!spec) return;
  try {
    placeKpi(spec, snapshot, compileMapStructure(snapshot));
  } catch (err) {
    if (err instanceof KpiSpecError) throw kpiProblem(err);
    throw err;
  }
}

/** Defines a KPI after checking its anchor, measure and owner. */
export async function createKpi(
  services: Services,
  workspaceId: string,
  userId: string,
  input: z.infer<typeof KpiCreateSchema>,
): Promise<Kpi> {
  await checkKpi(services, workspaceId, input.anchor, input.source);
  await requireKpiOwner(services.db, workspaceId, input.ownerId);
  return insertKpi(services.db, workspaceId, userId, input);
}

/** Changes a KPI's fields; a new source is checked against the map like a new KPI. */
export async function changeKpi(services: Services, workspaceId: string, kpiId: string, patch: KpiPatch): Promise<Kpi> {
  const kpi = await findKpi(services.db, workspaceId, kpiId);
  if (patch.source) await checkKpi(services, workspaceId, kpi.anchor, patch.source);
  if (patch.ownerId !== undefined) await requireKpiOwner(services.db, workspaceId, patch.ownerId);
  return updateKpi(services.db, kpi, {
    source: patch.source ?? kpi.source,
    name: patch.name ?? kpi.name,
    unit: patch.unit ?? kpi.unit,
    direction: patch.direction ?? kpi.direction,
    target: patch.target === undefined ? kpi.target : patch.target,
    ownerId: patch.ownerId === undefined ? kpi.ownerId : patch.ownerId,
  });
}

/** The map a KPI sits on, or 404 when it is gone. */
export async function kpiMap(services: Services, workspaceId: string, mapId: string): Promise<MapSnapshot> {
  if (!(await services.maps.find(workspaceId, mapId))) throw notFound("map");
  return services.maps.readSnapshot(mapId);
}
