import { promisify } from "node:util";
import { constants, gzip } from "node:zlib";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { acceptedEncoding } from "../../web/acceptedEncoding.js";
import { errorResponses, WorkspaceParams } from "../openApiSchemas.js";

const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
/** The media type of the answer: one Yjs update (encoding v1), as `Y.applyUpdate` takes it. */
export const MAP_STATE_TYPE = "application/vnd.opencjm.yjs-update";
const gzipped = promisify(gzip);

const read = createRoute({
  method: "get",
  path: "/api/workspaces/{workspaceId}/maps/{mapId}/state",
  tags: ["Maps"],
  summary:
    "The map's live document as one Yjs update (v1), every durable edit included: what the editor applies while its collaboration socket connects",
  request: { params: MapParams },
  responses: {
    200: {
      content: { [MAP_STATE_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
      description: "The map's Yjs state",
    },
    ...errorResponses,
  },
});

/**
 * The map's Yjs state for the editor's first paint. The page preloads it (web/serveWebApp.ts) while its scripts
 * download, so a newcomer's editor holds the map before its socket has even opened; the socket's first sync then
 * carries only what changed since. Readers of the workspace only, like the map itself.
 */
export function registerMapStateRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(read, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    if (!(await services.maps.find(workspaceId, mapId))) throw notFound("map");
    const state = await services.maps.readState(mapId);
    const headers: Record<string, string> = {
      "content-type": MAP_STATE_TYPE,
      // The live map changes under any cached copy; and it is the workspace's content, for this caller only.
      "cache-control": "private, no-store",
      vary: "accept-encoding",
    };
    // A map's state compresses some sixfold; the fastest level keeps the server's time small (the API's compression
    // middleware passes this media type by).
    if (acceptedEncoding(c.req.header("accept-encoding"), new Set(["gzip"])) === "gzip") {
      headers["content-encoding"] = "gzip";
      return c.body(new Uint8Array(await gzipped(state, { level: constants.Z_BEST_SPEED })), 200, headers);
    }
    // A copy only for the type: the stored bytes may sit on a shared buffer, the body wants an ArrayBuffer of its own.
    return c.body(new Uint8Array(state), 200, headers);
  });
}
