import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { MAP_SCHEMA_PATH, mapJsonSchema } from "../../mapExport/mapJsonSchema.js";
import type { AppEnv } from "../../http/appEnv.js";

const schemaRoute = createRoute({
  method: "get",
  path: MAP_SCHEMA_PATH,
  tags: ["Import and export"],
  summary: "The JSON Schema of the map export format (public)",
  responses: {
    200: {
      description: "JSON Schema (draft 2020-12)",
      content: { "application/schema+json": { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});

/** Serves the published JSON Schema of our map format; the same file is kept in the repository under docs/schemas/. */
export function registerSchemaRoutes(app: OpenAPIHono<AppEnv>): void {
  let body: string | undefined;
  app.openapi(schemaRoute, (c) => {
    body ??= `${JSON.stringify(mapJsonSchema(), null, 2)}\n`;
    // Served as application/schema+json, which zod-openapi's JSON response types do not cover.
    return c.body(body, 200, {
      "content-type": "application/schema+json; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
    }) as never;
  });
}
