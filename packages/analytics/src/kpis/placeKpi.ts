import type { MapSnapshot } from "@opencjm/core";
import type { MapStructure } from "../metrics/compileMapStructure.js";
import { KpiSpecError, type KpiSpec } from "./KpiSpec.js";

const BETWEEN_STEPS = new Set(["conversion", "dropOff", "medianTime", "p90Time"]);

/**
 * Checks that the map can answer a KPI and finds its step and stage in the map's order: the anchor exists, a touchpoint
 * KPI measures reach, a target step exists and differs from the anchor, and a conversion without one has a next level.
 */
export function placeKpi(
  spec: KpiSpec,
  map: MapSnapshot,
  structure: MapStructure,
): { stepIndex: number; stageIndex: number } {
  const { anchor, measure } = spec;
  if (anchor.kind === "touchpoint") {
    if (measure !== "reach")
      throw new KpiSpecError("kpi_measure_not_available", "source.measure", "a touchpoint KPI can only measure reach");
    return { stepIndex: -1, stageIndex: -1 };
  }
  if (spec.toStepId !== undefined && (anchor.kind !== "step" || !BETWEEN_STEPS.has(measure)))
    throw new KpiSpecError(
      "kpi_measure_not_available",
      "source.toStepId",
      "a second step only applies to conversion, drop-off and times from a step",
    );
  if (anchor.kind === "stage") {
    const stageIndex = structure.stages.findIndex((g) => g.id === anchor.stageId);
    if (stageIndex < 0)
      throw new KpiSpecError("kpi_unknown_stage", "anchor.stageId", `the map has no stage "${anchor.stageId}"`);
    if (BETWEEN_STEPS.has(measure) && stageIndex === structure.stages.length - 1)
      throw new KpiSpecError("kpi_no_next_step", "source.measure", "the last stage has no next stage to convert to");
    return { stepIndex: -1, stageIndex };
  }
  const stepIndex = structure.steps.findIndex((s) => s.id === anchor.stepId);
  if (stepIndex < 0)
    throw new KpiSpecError("kpi_unknown_step", "anchor.stepId", `the map has no step "${anchor.stepId}"`);
  if (spec.toStepId !== undefined) {
    if (spec.toStepId === anchor.stepId)
      throw new KpiSpecError("kpi_same_step", "source.toStepId", "conversion needs two different steps");
    if (!map.steps.some((s) => s.id === spec.toStepId))
      throw new KpiSpecError("kpi_unknown_step", "source.toStepId", `the map has no step "${spec.toStepId}"`);
  } else if (BETWEEN_STEPS.has(measure) && structure.steps[stepIndex]!.level === structure.levelCount - 1) {
    throw new KpiSpecError(
      "kpi_no_next_step",
      "source.toStepId",
      "the last step has no next step: name the step to convert to",
    );
  }
  return { stepIndex, stageIndex: structure.steps[stepIndex]!.stage };
}
