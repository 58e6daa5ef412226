import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/appEnv.js";

/** Mounts every API route module; each module registers its own OpenAPI routes. */
export function registerApiRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/api/health", (c) => c.json({ ok: true }));
}
