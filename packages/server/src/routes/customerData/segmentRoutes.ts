import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getDataFacets, getSegmentSize, getUnmatchedEvents } from "@opencjm/analytics";
import {
  DataFacetsSchema as DataFacetsContract,
  roleAllows,
  SegmentSizeRequestSchema as SegmentSizeRequestContract,
  SegmentSizeSchema as SegmentSizeContract,
  UnmatchedEventsSchema as UnmatchedEventsContract,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { findPersonas } from "../../commands/personaCreator.js";
import { fieldError } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";
import { listTouchpointRules } from "../../store/touchpointRuleStore.js";

const tags = ["Journey analytics"];
const W = "/api/workspaces/{workspaceId}";

/** Body of POST …/segments/size: a segment rule, or a persona whose saved segment rule is counted (the contract's). */
export const SegmentSizeRequestSchema = named(SegmentSizeRequestContract, "SegmentSizeRequest");
/** How many customers a segment selects. */
export const SegmentSizeSchema = named(SegmentSizeContract, "SegmentSize");
/** What the imported data holds, for pickers. */
export const DataFacetsSchema = named(DataFacetsContract, "DataFacets");
/** Events no touchpoint rule takes. */
export const UnmatchedEventsSchema = named(UnmatchedEventsContract, "UnmatchedEvents");

const size = createRoute({
  method: "post",
  path: `${W}/segments/size`,
  tags,
  summary:
    "How many customers a segment rule (or a persona's segment) selects, and their share of all customers with events",
  request: { params: WorkspaceParams, ...jsonBody(SegmentSizeRequestSchema) },
  responses: { 200: jsonContent(SegmentSizeSchema, "Size"), ...errorResponses },
});
const facets = createRoute({
  method: "get",
  path: `${W}/data/facets`,
  tags,
  summary:
    "Channels, event names, event properties and customer attributes (with their most common values) found in the imported data",
  description:
    "Attribute values are customers' personal data: owners and editors (any of their tokens) get the most common values of each attribute; commenters and viewers get each attribute's name and count with no values.",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(DataFacetsSchema, "Facets"), ...errorResponses },
});

const unmatched = createRoute({
  method: "get",
  path: `${W}/data/unmapped`,
  tags,
  summary: "Events that no touchpoint rule takes, by name and channel, the most frequent first (up to 200)",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(UnmatchedEventsSchema, "Unmapped events"), ...errorResponses },
});

/** Segments over imported customer attributes (size and share), the facets of the data that pickers offer, and the events no rule maps yet. */
export function registerSegmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(size, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const body = c.req.valid("json");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    let segment = body.segment;
    if (body.personaId) {
      const [persona] = await findPersonas(services.db, workspaceId, [body.personaId]);
      if (!persona)
        throw fieldError("personaId", `no persona "${body.personaId}" in this workspace`, {
          detail: "unknown persona",
        });
      if (!persona.segment)
        throw fieldError("personaId", `persona "${persona.name}" has no segment rule`, {
          code: "persona_without_segment",
          detail: "has no segment rule",
        });
      segment = persona.segment;
    }
    const events = await services.analytics.open(workspaceId);
    return c.json(await getSegmentSize(events.connection, segment!), 200);
  });

  app.openapi(facets, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const role = await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const facets = await getDataFacets((await services.analytics.open(workspaceId)).connection);
    // The same rule as requirePersonalDataAccess: a value held by one customer (a name, a company) says who they are.
    const shown: typeof facets = roleAllows(role, "write")
      ? facets
      : { ...facets, attributes: facets.attributes.map((a) => ({ ...a, values: [] })) };
    return c.json(shown, 200);
  });

  app.openapi(unmatched, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const rules = await listTouchpointRules(services.db, workspaceId);
    const events = await services.analytics.open(workspaceId);
    return c.json(await getUnmatchedEvents(events.connection, rules), 200);
  });
}
