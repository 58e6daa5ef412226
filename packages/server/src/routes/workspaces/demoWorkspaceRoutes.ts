import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { ExampleWorkspaceSchema } from "@opencjm/core";
import { seedDemoWorkspace } from "../../demo/seedDemoWorkspace.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireSession } from "../../http/callerMiddleware.js";
import { getWorkspace } from "../../store/workspaceStore.js";
import { errorResponses, jsonContent } from "../openApiSchemas.js";

const Created = ExampleWorkspaceSchema;

const create = createRoute({
  method: "post",
  path: "/api/workspaces/demo",
  tags: ["Workspaces"],
  summary: "Create a workspace filled with example personas, touchpoints and maps (you become its owner)",
  responses: { 201: jsonContent(Created, "Created"), ...errorResponses },
});

/** The example workspace a new user can explore before building their own (the same content as `cjm serve --demo`). */
export function registerDemoWorkspaceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) => {
    // A person exploring the product, not a script: each call creates a whole workspace.
    const caller = requireSession(c);
    const services = c.get("services");
    const { workspaceId, mapIds } = await seedDemoWorkspace(services, caller.userId);
    return c.json({ ...(await getWorkspace(services.db, workspaceId)), role: "owner" as const, mapIds }, 201);
  });
}
