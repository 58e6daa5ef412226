import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema, PersonaFieldsSchema, PersonaSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createPersona, personaOf } from "../../commands/personaCreator.js";
import { updatePersona } from "../../commands/personaUpdater.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { deletePersona, getPersonaRow, listPersonaRows } from "../../store/personaStore.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const PersonaParams = WorkspaceParams.extend({ personaId: IdSchema });
const PersonaPatchSchema = z
  .record(z.string(), z.unknown())
  .openapi("PersonaPatch", { description: "Any subset of the persona fields; null removes an optional field" });
const Persona = PersonaSchema;
const tags = ["Personas"];

const list = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/personas",
  tags,
  summary: "Personas of a workspace",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(Persona), "Personas"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: "/api/workspaces/{workspaceId}/personas",
  tags,
  summary: "Create a persona",
  request: { params: WorkspaceParams, ...jsonBody(PersonaFieldsSchema) },
  responses: { 201: jsonContent(Persona, "Created"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/personas/{personaId}",
  tags,
  summary: "One persona",
  request: { params: PersonaParams },
  responses: { 200: jsonContent(Persona, "Persona"), ...errorResponses },
});
const patch = createRoute({
  method: "patch",
  path: "/api/workspaces/{workspaceId}/personas/{personaId}",
  tags,
  summary: "Change some fields of a persona",
  request: { params: PersonaParams, ...jsonBody(PersonaPatchSchema) },
  responses: { 200: jsonContent(Persona, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: "/api/workspaces/{workspaceId}/personas/{personaId}",
  tags,
  summary: "Delete a persona",
  request: { params: PersonaParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});

/** Personas: CRUD with every field of PRODUCT.md §4.1 validated. */
export function registerPersonaRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json((await listPersonaRows(db, workspaceId)).map(personaOf), 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    return c.json(await createPersona(db, workspaceId, c.req.valid("json")), 201);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, personaId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(personaOf(await getPersonaRow(db, workspaceId, personaId)), 200);
  });

  app.openapi(patch, async (c) => {
    const { workspaceId, personaId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    const row = await getPersonaRow(db, workspaceId, personaId);
    // A field sent as null is removed (how an optional field such as urgency or decisionRole is cleared).
    return c.json(await updatePersona(db, row, c.req.valid("json")), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, personaId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    await getPersonaRow(db, workspaceId, personaId);
    await deletePersona(db, personaId);
    return c.json({ ok: true as const }, 200);
  });
}
