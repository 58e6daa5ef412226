import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createApiToken } from "../../commands/apiTokenCreator.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireSession } from "../../http/callerMiddleware.js";
import { getApiToken, listApiTokens, revokeApiToken } from "../../store/apiTokenStore.js";
import { errorResponses, jsonBody, jsonContent, OkSchema } from "../openApiSchemas.js";

const TokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  scope: z.enum(["read", "write"]),
  workspaceId: IdSchema.optional(),
  expiresAt: z.iso.datetime().optional(),
});
const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.string(),
    workspaceId: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revoked: z.boolean(),
  })
  .openapi("ApiToken");
const tags = ["API tokens"];

const create = createRoute({
  method: "post",
  path: "/api/tokens",
  tags,
  summary: "Create an API token (shown once)",
  request: jsonBody(TokenCreateSchema),
  responses: { 201: jsonContent(TokenSchema.extend({ token: z.string() }), "Created"), ...errorResponses },
});
const list = createRoute({
  method: "get",
  path: "/api/tokens",
  tags,
  summary: "Your API tokens (without secrets)",
  responses: { 200: jsonContent(z.array(TokenSchema), "Tokens"), ...errorResponses },
});
const revoke = createRoute({
  method: "delete",
  path: "/api/tokens/{tokenId}",
  tags,
  summary: "Revoke one of your API tokens",
  request: { params: z.object({ tokenId: IdSchema }) },
  responses: { 200: jsonContent(OkSchema, "Revoked"), ...errorResponses },
});

/** API tokens for scripts: created and managed only from a signed-in session. */
export function registerTokenRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const caller = requireSession(c);
    const body = c.req.valid("json");
    const { db } = c.get("services");
    if (body.workspaceId) await requireWorkspacePermission(db, caller, body.workspaceId, "read");
    const { id, token } = await createApiToken(db, {
      userId: caller.userId,
      name: body.name,
      scope: body.scope,
      workspaceId: body.workspaceId,
      expiresAt: body.expiresAt,
    });
    return c.json({ ...present(await getApiToken(db, id)), token }, 201);
  });

  app.openapi(list, async (c) => {
    const caller = requireSession(c);
    const rows = await listApiTokens(c.get("services").db, caller.userId);
    return c.json(rows.map(present), 200);
  });

  app.openapi(revoke, async (c) => {
    const caller = requireSession(c);
    const { tokenId } = c.req.valid("param");
    if (!(await revokeApiToken(c.get("services").db, caller.userId, tokenId))) throw notFound("token");
    return c.json({ ok: true as const }, 200);
  });
}

function present(row: {
  id: string;
  name: string;
  scope: string;
  workspace_id: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    workspaceId: row.workspace_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revoked: row.revoked_at !== null,
  };
}
