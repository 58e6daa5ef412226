import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/appEnv.js";
import { renderApiReference, type OpenApiDoc } from "./renderApiReference.js";

const info = {
  title: "OpenCJM",
  version: "0.1.0",
  description:
    "Customer journey maps backed by real customer data. Authenticate with the session cookie from /api/auth/login (send its CSRF token as X-CSRF-Token on writes) or with `Authorization: Bearer <API token>`. Errors are `{ error: { code, message, issues: [{ path, message }] } }`.",
};

/** The OpenAPI document at /api/openapi.json and a readable reference page at /api/docs. */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "cjm_session",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "token", { type: "http", scheme: "bearer" });
  const document = () =>
    app.getOpenAPI31Document({ openapi: "3.1.0", info, security: [{ session: [] }, { token: [] }] });
  app.get("/api/openapi.json", (c) => c.json(document()));
  app.get("/api/docs", (c) => c.html(renderApiReference(document() as unknown as OpenApiDoc)));
}
