import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { CollabTicketSchema } from "@opencjm/core";
import type { AppEnv } from "../../http/appEnv.js";
import { requireSession } from "../../http/callerMiddleware.js";
import { errorResponses, jsonContent, named } from "../openApiSchemas.js";

const TicketSchema = named(CollabTicketSchema, "CollabTicket");

const issue = createRoute({
  method: "get",
  path: "/api/collab/ticket",
  tags: ["Collaboration"],
  summary: "A single-use ticket for the collaboration socket (valid one minute)",
  description:
    "Send it as the provider's token on `/collab` instead of relying on the session cookie. Only pages of this origin can read it; API tokens authenticate sockets directly and need no ticket.",
  responses: { 200: jsonContent(TicketSchema, "Ticket"), ...errorResponses },
});

/** Tickets for the web app's collaboration sockets. */
export function registerCollabTicketRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(issue, async (c) => {
    const caller = requireSession(c);
    c.header("cache-control", "no-store");
    return c.json(await c.get("services").collabTickets.issue(caller), 200);
  });
}
