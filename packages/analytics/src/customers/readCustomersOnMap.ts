import type { CustomerMapStep } from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { compileKernelPlan } from "../metrics/compileKernelPlan.js";
import { compileMapStructure, type MapStructure } from "../metrics/compileMapStructure.js";
import { kernelColumns, type MapMetricsInput } from "../metrics/computeMapMetrics.js";
import type { KernelColumns } from "../metrics/KernelColumns.js";
import type { KernelPlan } from "../metrics/KernelPlan.js";
import { MetricsRequestSchema } from "@opencjm/core";
import { getSegmentMask } from "../queries/segment/getSegmentMask.js";
import { loadJourneyStore } from "../store/loadJourneyStore.js";
import { walkCustomerSteps } from "./walkCustomerSteps.js";

interface PreparedWalk {
  columns: KernelColumns;
  plan: KernelPlan;
  structure: MapStructure;
  customerCount: number;
}

/** The journey store and the kernel's plan for a map under a metrics request, ready to walk single customers. */
async function prepareWalk(db: EventDatabase, input: MapMetricsInput): Promise<PreparedWalk> {
  const { filters, options } = MetricsRequestSchema.parse(input.request ?? {});
  const store = await loadJourneyStore(db);
  const structure = compileMapStructure(input.map);
  const mask = filters.segment ? await getSegmentMask(db, filters.segment, store.customerCount) : undefined;
  const { plan } = compileKernelPlan(store, structure, input.rules, filters, options, mask);
  const columns = kernelColumns(store, plan.activityOfKey.includes(-2));
  return { columns, plan, structure, customerCount: store.customerCount };
}

const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());

/** How one customer went through a map's steps: reached (when), skipped or not reached, and whether they went on. */
export async function getCustomerMapSteps(
  db: EventDatabase,
  input: MapMetricsInput,
  customerId: number,
): Promise<CustomerMapStep[]> {
  const { columns, plan, structure } = await prepareWalk(db, input);
  const lastLevel = plan.levelCount - 1;
  const walk = walkCustomerSteps(columns, plan, customerId);
  return structure.steps.map((step, s) => {
    const reached = !Number.isNaN(walk.firstMs[s]!);
    return {
      stepId: step.id,
      name: step.name,
      stageName: structure.stages[step.stage]!.name,
      status: reached ? "reached" : walk.skipped[s] ? "skipped" : "notReached",
      firstAt: iso(walk.firstMs[s]!),
      wentOn: reached && step.level < lastLevel ? walk.wentOn[s] === 1 : null,
    };
  });
}

/**
 * The customers who reached a step and did not reach the next one within the conversion window (the step's drop-off
 * on the map): how many in all, and the first `limit` of them by customer with the time they reached the step.
 * Undefined when the map has no such step.
 */
export async function findCustomersWhoLeft(
  db: EventDatabase,
  input: MapMetricsInput,
  stepId: string,
  limit: number,
): Promise<{ stepName: string; left: number; sample: Array<{ customerId: number; reachedMs: number }> } | undefined> {
  const { columns, plan, structure, customerCount } = await prepareWalk(db, input);
  const s = structure.steps.findIndex((step) => step.id === stepId);
  if (s < 0) return undefined;
  const stepName = structure.steps[s]!.name;
  // The last level has no next step: nobody "leaves" it, as the map shows no drop-off there.
  if (structure.steps[s]!.level === plan.levelCount - 1) return { stepName, left: 0, sample: [] };
  let left = 0;
  const sample: Array<{ customerId: number; reachedMs: number }> = [];
  for (let c = 0; c < customerCount; c++) {
    if (columns.offsets[c] === columns.offsets[c + 1]) continue;
    const walk = walkCustomerSteps(columns, plan, c);
    if (Number.isNaN(walk.firstMs[s]!) || walk.wentOn[s] === 1) continue;
    left++;
    if (sample.length < limit) sample.push({ customerId: c, reachedMs: walk.firstMs[s]! });
  }
  return { stepName, left, sample };
}
