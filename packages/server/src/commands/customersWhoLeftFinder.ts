import { findCustomersWhoLeft, getPreferredIdentifiers } from "@opencjm/analytics";
import type { CustomersWhoLeft, CustomersWhoLeftRequest } from "@opencjm/core";
import { CustomersWhoLeftRequestSchema } from "@opencjm/core";
import { notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { mapMetricsInput } from "./metricsForMap.js";

/**
 * "Show me some customers who left here": the customers who reached a step of a map and did not reach the next one
 * within the conversion window, under the same filters as the numbers on the map (so `left` is the step's drop-off),
 * each with the identifier to open their timeline by.
 */
export async function findCustomersWhoLeftStep(
  services: Services,
  workspaceId: string,
  mapId: string,
  stepId: string,
  body: CustomersWhoLeftRequest,
): Promise<CustomersWhoLeft> {
  const { limit, ...request } = CustomersWhoLeftRequestSchema.parse(body);
  const input = await mapMetricsInput(services, workspaceId, mapId, request);
  const db = await services.analytics.open(workspaceId);
  const found = await findCustomersWhoLeft(db, input, stepId, limit);
  if (!found) throw notFound("step");
  const identifiers = await getPreferredIdentifiers(
    db.connection,
    found.sample.map((c) => c.customerId),
  );
  return {
    stepId,
    stepName: found.stepName,
    left: found.left,
    conversionWindowHours: request.options.conversionWindowHours,
    customers: found.sample.flatMap((c) => {
      const identifier = identifiers.get(c.customerId);
      return identifier ? [{ identifier, reachedAt: new Date(c.reachedMs).toISOString() }] : [];
    }),
  };
}
