import { createHash } from "node:crypto";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  IdSchema,
  LocaleSchema,
  PrintLayoutSchema,
  ShareLinkCreatedSchema,
  ShareLinkCreateSchema,
  ShareLinkSchema as ShareLinkContract,
  SharedMapSchema as SharedMapContract,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createShareLink, resolveShareToken, shareLinkOf } from "../../commands/shareLinkCreator.js";
import { readMapVersion } from "../../commands/mapHistoryReader.js";
import { infographicSummary } from "../../mapExport/infographicSummary.js";
import { loadExportInput } from "../../mapExport/loadExportInput.js";
import { printAppendix } from "../../mapExport/printAppendix.js";
import { printResearchAppendix } from "../../mapExport/printResearchAppendix.js";
import { withResearch } from "../../mapExport/withResearch.js";
import { withIdeasAndKpis } from "../../mapExport/withIdeasAndKpis.js";
import { printMetrics } from "../../mapExport/printMetrics.js";
import { fieldError, notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import type { Services } from "../../services.js";
import { listShareLinks, revokeShareLink } from "../../store/shareLinkStore.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema, WorkspaceParams } from "../openApiSchemas.js";

const ShareLinkSchema = named(ShareLinkContract, "ShareLink");
/** What a share link shows: one map and only what rendering it needs. */
export const SharedMapSchema = named(SharedMapContract, "SharedMap");
const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const tags = ["Sharing"];
const base = "/api/workspaces/{workspaceId}/maps/{mapId}/share-links";

const create = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Create a read-only share link to a map (the token is shown once)",
  request: { params: MapParams, ...jsonBody(ShareLinkCreateSchema) },
  responses: { 201: jsonContent(ShareLinkCreatedSchema, "Created"), ...errorResponses },
});
const list = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "The map's share links that have not been revoked",
  request: { params: MapParams },
  responses: { 200: jsonContent(z.array(ShareLinkSchema), "Links"), ...errorResponses },
});
const revoke = createRoute({
  method: "delete",
  path: `${base}/{linkId}`,
  tags,
  summary: "Revoke a share link; it stops working at once",
  request: { params: MapParams.extend({ linkId: IdSchema }) },
  responses: { 200: jsonContent(OkSchema, "Revoked"), ...errorResponses },
});
const shared = createRoute({
  method: "get",
  path: "/api/share/{token}",
  tags,
  summary:
    "A shared map, without an account: the map, its personas, touchpoints and channels — nothing else of the workspace",
  description:
    "Answers 404 for an unknown, revoked or expired token. Poll with If-None-Match to follow edits: 304 while nothing changed.",
  request: {
    params: z.object({ token: z.string().max(200) }),
    // The language of the tables the server words (an export's appendix, the research): the reader's, else the map's.
    // `layout=infographic`: what the infographic export prints instead of the data lane's numbers and the appendix.
    query: z.object({ lang: LocaleSchema.optional(), layout: PrintLayoutSchema.optional() }),
  },
  responses: {
    200: jsonContent(SharedMapSchema, "The shared map"),
    304: { description: "Not changed since the ETag sent" },
    404: errorResponses[404],
  },
});

async function requireMap(services: Services, workspaceId: string, mapId: string) {
  const map = await services.maps.find(workspaceId, mapId);
  if (!map) throw notFound("map");
  return map;
}

/** Read-only share links: managed by people who may edit the map, opened by anyone who has the token. */
export function registerShareRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    await requireMap(services, workspaceId, mapId);
    const body = c.req.valid("json");
    const expiresAt = body.expiresAt ? new Date(body.expiresAt).toISOString() : null;
    if (expiresAt && expiresAt <= new Date().toISOString()) throw fieldError("expiresAt", "must be in the future");
    const { link, token } = await createShareLink(services.db, {
      workspaceId,
      mapId,
      userId: caller.userId,
      label: body.label,
      expiresAt,
      includeResearch: body.includeResearch,
    });
    await services.activity.record({
      workspaceId,
      mapId,
      actorId: caller.userId,
      action: "share_link.created",
      data: { linkId: link.id, label: link.label, expiresAt },
    });
    return c.json({ link, token, url: `/share/${token}`, embedUrl: `/embed/${token}` }, 201);
  });

  app.openapi(list, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    await requireMap(services, workspaceId, mapId);
    return c.json(
      (await listShareLinks(services.db, mapId)).map((r) => shareLinkOf(r)),
      200,
    );
  });

  app.openapi(revoke, async (c) => {
    const { workspaceId, mapId, linkId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    await requireMap(services, workspaceId, mapId);
    if (!(await revokeShareLink(services.db, mapId, linkId))) throw notFound("share link");
    await services.activity.record({
      workspaceId,
      mapId,
      actorId: caller.userId,
      action: "share_link.revoked",
      data: { linkId },
    });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(shared, async (c) => {
    const services = c.get("services");
    const link = await resolveShareToken(services.db, c.req.valid("param").token);
    const map = link && (await services.maps.find(link.workspace_id, link.map_id));
    if (!link || !map) throw notFound("share link");
    // An export of a version prints through a link bound to that version.
    const version = link.version_id ? await readMapVersion(services.db, map.id, link.version_id) : undefined;
    const input = await loadExportInput(services, map, undefined, version?.snapshot);
    const body = {
      map: { id: map.id, title: map.title, type: map.type, status: map.status, updatedAt: map.updatedAt },
      snapshot: input.snapshot,
      personas: input.personas,
      touchpoints: input.touchpoints,
      channels: input.channels,
      expiresAt: link.expires_at,
      // Customer data is for members: only the export's own short-lived link carries it, never a public share.
      ...(link.purpose === "export" && c.req.valid("query").layout === "infographic"
        ? {
            infographic: infographicSummary(
              input.snapshot,
              input.ideas ?? [],
              await printMetrics(services, map.workspaceId, map.id, input.snapshot, { withoutDataLane: true }),
            ),
          }
        : link.purpose === "export"
          ? {
              metrics: await printMetrics(services, map.workspaceId, map.id, input.snapshot),
              appendix: printAppendix(
                await withIdeasAndKpis(services, map.workspaceId, {
                  ...input,
                  locale: c.req.valid("query").lang ?? input.snapshot.settings.locale,
                }),
              ),
            }
          : {}),
      // Research is for members: a link carries it only when its sharer included it (or the exporting member asked).
      ...(link.include_research === 1
        ? {
            research: printResearchAppendix(
              await withResearch(services, map.workspaceId, {
                ...input,
                locale: c.req.valid("query").lang ?? input.snapshot.settings.locale,
              }),
            ),
          }
        : {}),
    };
    const etag = `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;
    // Shared pages poll; an unchanged map costs one hash and no transfer. Never cached by anyone else.
    c.header("ETag", etag);
    c.header("Cache-Control", "private, no-cache");
    c.header("X-Robots-Tag", "noindex");
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    return c.json(body, 200);
  });
}
