import type { KpiMeasure } from "@opencjm/core";

/** A KPI computed from the data, as the engine needs it: what it measures and where on the map. */
export interface KpiSpec {
  id: string;
  measure: KpiMeasure;
  anchor:
    | { kind: "stage"; stageId: string }
    | { kind: "step"; stepId: string }
    | { kind: "touchpoint"; touchpointId: string };
  /** Conversion, drop-off and times from the anchor step to this step instead of to the next level. */
  toStepId?: string;
}

/** A KPI's value over some events, what it stands on, and for shares the count behind the share. */
export interface KpiMeasurement {
  value: number | null;
  /** Customers (reach, conversion, drop-off), converted customers (times), answers (scores) or texts. */
  sample: number;
  /** For shares: customers converted or dropped, or negative texts; for reach: the customers. */
  successes: number | null;
}

/** Why a KPI cannot be computed on this map: its step, stage or target step is gone, or it asks the impossible. */
export class KpiSpecError extends Error {
  constructor(
    readonly code:
      "kpi_unknown_stage" | "kpi_unknown_step" | "kpi_same_step" | "kpi_no_next_step" | "kpi_measure_not_available",
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "KpiSpecError";
  }
}
