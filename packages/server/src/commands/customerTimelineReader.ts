import {
  findCustomersByAnyIdentifier,
  getCustomerAttributes,
  getCustomerEvents,
  getCustomerIdentifiers,
  getCustomerMapSteps,
  getCustomerMergeLog,
  MetricsRequestSchema,
} from "@opencjm/analytics";
import type { CustomerTimeline, CustomerTimelineQuery } from "@opencjm/core";
import { DomainError, notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listTouchpointRules } from "../store/touchpointRuleStore.js";
import { readCustomerSurveyAnswers } from "./surveyCustomerAnswersReader.js";

/** The most events one timeline sends; the count says how many there are in all. */
export const TIMELINE_EVENT_LIMIT = 2000;

/**
 * One customer's cross-referenced timeline: found by any identifier stitching knows (normalised as the importer
 * stores it), with every identifier, the merge log explaining why they are one person, their attributes, their events
 * from every source in time order, and — for a map — the steps they reached, skipped or never reached, read as the
 * map's numbers read them (no filters; the conversion window asked for, else none), and their survey answers.
 */
export async function readCustomerTimeline(
  services: Services,
  workspaceId: string,
  query: CustomerTimelineQuery,
): Promise<CustomerTimeline> {
  const db = await services.analytics.open(workspaceId);
  const snapshot = query.mapId ? await readMap(services, workspaceId, query.mapId) : undefined;
  const matches = await findCustomersByAnyIdentifier(db.connection, query.identifier, query.kind);
  const customers = [...new Set(matches.map((m) => m.customerId))];
  if (customers.length === 0) throw notFound("customer with this identifier");
  if (customers.length > 1) {
    const kinds = [...new Set(matches.map((m) => m.kind))].join(", ");
    throw new DomainError({
      kind: "invalid",
      code: "ambiguous_identifier",
      field: "kind",
      message: `kind: "${query.identifier}" names different customers as ${kinds}; give its kind`,
      details: [{ path: "kind", message: `one of ${kinds}` }],
    });
  }
  const customerId = customers[0]!;
  const { events, total } = await getCustomerEvents(db.connection, customerId, TIMELINE_EVENT_LIMIT);
  const request = MetricsRequestSchema.parse({
    options: query.windowHours === undefined ? {} : { conversionWindowHours: query.windowHours },
  });
  return {
    identifiers: await getCustomerIdentifiers(db.connection, customerId),
    mergeLog: await getCustomerMergeLog(db.connection, customerId),
    attributes: await getCustomerAttributes(db.connection, customerId),
    eventCount: total,
    events,
    map:
      snapshot && query.mapId
        ? {
            mapId: query.mapId,
            title: snapshot.settings.title,
            conversionWindowHours: request.options.conversionWindowHours,
            steps: await getCustomerMapSteps(
              db,
              { map: snapshot, rules: await listTouchpointRules(services.db, workspaceId), request },
              customerId,
            ),
          }
        : null,
    surveyAnswers: await readCustomerSurveyAnswers(services, workspaceId, customerId),
  };
}

async function readMap(services: Services, workspaceId: string, mapId: string) {
  const map = await services.maps.find(workspaceId, mapId);
  if (!map) throw notFound("map");
  return services.maps.readSnapshot(mapId);
}
