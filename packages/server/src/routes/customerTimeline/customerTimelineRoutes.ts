import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  CustomersWhoLeftRequestSchema,
  CustomersWhoLeftSchema,
  CustomerTimelineQuerySchema,
  CustomerTimelineSchema,
  IdSchema,
} from "@opencjm/core";
import { requirePersonalDataAccess } from "../../auth/personalDataAccess.js";
import { findCustomersWhoLeftStep } from "../../commands/customersWhoLeftFinder.js";
import { readCustomerTimeline } from "../../commands/customerTimelineReader.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const tags = ["Customer timelines"];
const W = "/api/workspaces/{workspaceId}";
const personalData = "Personal data: owners and editors only (any of their tokens); commenters and viewers get 403.";

const timeline = createRoute({
  method: "get",
  path: `${W}/customers/timeline`,
  tags,
  summary:
    "One customer's timeline, found by any identifier: identifiers, the merge log, attributes, events from every source in time order, and a map's steps reached, skipped or not reached",
  description: `Without \`kind\` the identifier is looked up as every kind; a value naming two customers is refused with ambiguous_identifier. ${personalData}`,
  request: { params: WorkspaceParams, query: CustomerTimelineQuerySchema },
  responses: { 200: jsonContent(named(CustomerTimelineSchema, "CustomerTimeline"), "Timeline"), ...errorResponses },
});
const whoLeft = createRoute({
  method: "post",
  path: `${W}/maps/{mapId}/steps/{stepId}/customers-who-left`,
  tags,
  summary:
    "Some customers who reached this step and did not go on to the next within the conversion window, under the same filters as the map's numbers",
  description: `\`left\` is the step's drop-off; \`customers\` the first \`limit\` of them, each with an identifier to open the timeline by. ${personalData}`,
  request: {
    params: WorkspaceParams.extend({ mapId: IdSchema, stepId: IdSchema }),
    ...jsonBody(CustomersWhoLeftRequestSchema),
  },
  responses: { 200: jsonContent(named(CustomersWhoLeftSchema, "CustomersWhoLeft"), "Customers"), ...errorResponses },
});

/** One customer's timeline and the customers who left a step: personal data, for owners and editors. */
export function registerCustomerTimelineRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(timeline, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const query = c.req.valid("query");
    const services = c.get("services");
    await requirePersonalDataAccess(services.db, requireCaller(c), workspaceId);
    return c.json(await readCustomerTimeline(services, workspaceId, query), 200);
  });

  app.openapi(whoLeft, async (c) => {
    const { workspaceId, mapId, stepId } = c.req.valid("param");
    const services = c.get("services");
    await requirePersonalDataAccess(services.db, requireCaller(c), workspaceId);
    return c.json(await findCustomersWhoLeftStep(services, workspaceId, mapId, stepId, c.req.valid("json")), 200);
  });
}
