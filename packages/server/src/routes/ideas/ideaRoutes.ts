import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  IdeaCreateSchema,
  IdeaEvidenceSchema,
  IdeaListQuerySchema,
  IdeaMatrixMoveSchema,
  IdeaSchema,
  IdeaStatusChangeRequestSchema,
  IdeaUpdateSchema,
  IdSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createIdea } from "../../commands/ideaCreator.js";
import { collectIdeaEvidence } from "../../commands/ideaEvidenceCollector.js";
import { MapLookup, presentIdea } from "../../commands/ideaLinkResolver.js";
import { listIdeas } from "../../commands/ideaLister.js";
import { changeIdeaStatus } from "../../commands/ideaStatusChanger.js";
import { updateIdea } from "../../commands/ideaUpdater.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { deleteIdea, getStoredIdea, saveIdeaMatrix } from "../../store/ideaStore.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const Idea = named(IdeaSchema, "Idea");
const IdeaParams = WorkspaceParams.extend({ ideaId: IdSchema });
const base = "/api/workspaces/{workspaceId}/ideas";
const tags = ["Ideas"];
const conflictResponse = { 409: { ...errorResponses[400], description: "Not allowed in the idea's current status" } };

const list = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "The idea backlog, filtered by map, stage, status, owner and tag, ranked by ICE or RICE score or date",
  request: { params: WorkspaceParams, query: IdeaListQuerySchema },
  responses: { 200: jsonContent(z.array(Idea), "Ideas"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Create an idea (status new), anchored to pain points, opportunities, cells or steps of maps, or on its own",
  request: { params: WorkspaceParams, ...jsonBody(IdeaCreateSchema) },
  responses: { 201: jsonContent(Idea, "Created"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: `${base}/{ideaId}`,
  tags,
  summary: "One idea with its links (missing ones marked), scores and status history",
  request: { params: IdeaParams },
  responses: { 200: jsonContent(Idea, "Idea"), ...errorResponses },
});
const update = createRoute({
  method: "patch",
  path: `${base}/{ideaId}`,
  tags,
  summary: "Change some fields of an idea (title, description, owner, tags, links, KPIs, ICE and RICE inputs)",
  request: { params: IdeaParams, ...jsonBody(IdeaUpdateSchema) },
  responses: { 200: jsonContent(Idea, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: `${base}/{ideaId}`,
  tags,
  summary: "Delete an idea with its links and history",
  request: { params: IdeaParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});
const status = createRoute({
  method: "post",
  path: `${base}/{ideaId}/status`,
  tags,
  summary: "Move an idea along new → approved → in progress → shipped → measured, or reject it with a reason",
  request: { params: IdeaParams, ...jsonBody(IdeaStatusChangeRequestSchema) },
  responses: { 200: jsonContent(Idea, "Changed"), ...errorResponses, ...conflictResponse },
});
const matrix = createRoute({
  method: "put",
  path: `${base}/{ideaId}/matrix`,
  tags,
  summary: "Place an idea on the impact/effort matrix (both 0–1; 0.5 is the quadrant line)",
  request: { params: IdeaParams, ...jsonBody(IdeaMatrixMoveSchema) },
  responses: { 200: jsonContent(Idea, "Moved"), ...errorResponses },
});
const evidence = createRoute({
  method: "get",
  path: `${base}/{ideaId}/evidence`,
  tags,
  summary: "What the customer data says at the steps an idea is linked to: reach, drop-off, sentiment, quotes",
  request: { params: IdeaParams },
  responses: { 200: jsonContent(named(IdeaEvidenceSchema, "IdeaEvidence"), "Evidence"), ...errorResponses },
});

/** Ideas (PRODUCT.md §4.7): the backlog, one idea, its workflow, its place on the matrix and its evidence. */
export function registerIdeaRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await listIdeas(services, workspaceId, c.req.valid("query")), 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await createIdea(services, workspaceId, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const idea = await getStoredIdea(services.db, workspaceId, ideaId);
    return c.json(await presentIdea(new MapLookup(services, workspaceId), idea), 200);
  });

  app.openapi(update, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await updateIdea(services, workspaceId, ideaId, c.req.valid("json")), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    await getStoredIdea(services.db, workspaceId, ideaId);
    await deleteIdea(services.db, ideaId);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(status, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await changeIdeaStatus(services, workspaceId, ideaId, caller.userId, c.req.valid("json")), 200);
  });

  app.openapi(matrix, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    await getStoredIdea(services.db, workspaceId, ideaId);
    await saveIdeaMatrix(services.db, ideaId, c.req.valid("json"));
    const idea = await getStoredIdea(services.db, workspaceId, ideaId);
    return c.json(await presentIdea(new MapLookup(services, workspaceId), idea), 200);
  });

  app.openapi(evidence, async (c) => {
    const { workspaceId, ideaId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await collectIdeaEvidence(services, workspaceId, ideaId), 200);
  });
}
