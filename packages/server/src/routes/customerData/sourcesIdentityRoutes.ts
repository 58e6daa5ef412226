import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  findCustomerByIdentifier,
  getCustomerIdentifiers,
  getCustomerMergeLog,
  getIdentityCounts,
  type EventDatabase,
} from "@opencjm/analytics";
import { requirePersonalDataAccess } from "../../auth/personalDataAccess.js";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonContent, WorkspaceParams } from "../openApiSchemas.js";
import { IdentityLookupQuery } from "./sourcesSchemas.js";

const tags = ["Identities"];
const W = "/api/workspaces/{workspaceId}";
const personalData = "Personal data: owners and editors only (any of their tokens); commenters and viewers get 403.";

const IdentitySchema = z.object({ kind: z.string(), value: z.string() });
const CustomerIdentitySchema = z
  .object({
    customerId: z
      .number()
      .int()
      .openapi({ description: "Stitched customer id; reassigned by every import, so look customers up by identifier" }),
    identifiers: z.array(IdentitySchema),
    mergeLog: z.array(
      z.object({
        left: IdentitySchema,
        right: IdentitySchema,
        reason: z.string(),
        sourceId: z.string().nullable(),
        sourceName: z.string().nullable(),
        fileName: z.string().nullable(),
        row: z.number().int().nullable(),
      }),
    ),
  })
  .openapi("StitchedCustomer");
const CountsSchema = z
  .object({
    customers: z.number().int(),
    events: z.number().int(),
    identifiers: z.number().int(),
    merges: z.number().int(),
    byKind: z.array(z.object({ kind: z.string(), identifiers: z.number().int(), customers: z.number().int() })),
    bySource: z.array(
      z.object({ sourceId: z.string(), name: z.string(), events: z.number().int(), customers: z.number().int() }),
    ),
  })
  .openapi("IdentityCounts");
const CustomerParams = WorkspaceParams.extend({
  customerId: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});

const counts = createRoute({
  method: "get",
  path: `${W}/identities`,
  tags,
  summary: "How many stitched customers, identifiers and merges the workspace has, by identifier kind and by source",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(CountsSchema, "Counts"), ...errorResponses },
});
const lookup = createRoute({
  method: "get",
  path: `${W}/identities/lookup`,
  tags,
  summary:
    "The customer an identifier belongs to, with all its identifiers and the merge log explaining why they are one customer",
  description: personalData,
  request: { params: WorkspaceParams, query: IdentityLookupQuery },
  responses: { 200: jsonContent(CustomerIdentitySchema, "Customer"), ...errorResponses },
});
const mergeLog = createRoute({
  method: "get",
  path: `${W}/customers/{customerId}/merge-log`,
  tags,
  summary: "A stitched customer's identifiers and the merges that joined them",
  description: personalData,
  request: { params: CustomerParams },
  responses: { 200: jsonContent(CustomerIdentitySchema, "Customer"), ...errorResponses },
});

async function describeCustomer(connection: EventDatabase["connection"], customerId: number) {
  const identifiers = await getCustomerIdentifiers(connection, customerId);
  if (identifiers.length === 0) throw notFound("customer");
  return { customerId, identifiers, mergeLog: await getCustomerMergeLog(connection, customerId) };
}

/** Identity stitching, explained: counts for every reader; lookup by identifier and each customer's merge log (personal data) for owners and editors. */
export function registerSourcesIdentityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(counts, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await getIdentityCounts((await services.analytics.open(workspaceId)).connection), 200);
  });

  app.openapi(lookup, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { kind, value } = c.req.valid("query");
    const services = c.get("services");
    await requirePersonalDataAccess(services.db, requireCaller(c), workspaceId);
    const { connection } = await services.analytics.open(workspaceId);
    const customerId = await findCustomerByIdentifier(connection, kind, value);
    if (customerId === undefined) throw notFound("customer with this identifier");
    return c.json(await describeCustomer(connection, customerId), 200);
  });

  app.openapi(mergeLog, async (c) => {
    const { workspaceId, customerId } = c.req.valid("param");
    const services = c.get("services");
    await requirePersonalDataAccess(services.db, requireCaller(c), workspaceId);
    return c.json(await describeCustomer((await services.analytics.open(workspaceId)).connection, customerId), 200);
  });
}
