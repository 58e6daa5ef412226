import { z } from "@hono/zod-openapi";
import { IdSchema } from "@opencjm/core";

/** The error body every failing endpoint returns. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi("Error");

const errorResponse = (description: string) => ({ content: { "application/json": { schema: ErrorSchema } }, description });

/** Standard error responses, listed on every route so the reference page shows them. */
export const errorResponses = {
  400: errorResponse("Invalid request; `issues` names each bad field"),
  401: errorResponse("Not signed in, or the session or token expired"),
  403: errorResponse("Your role does not allow this (or the CSRF header is missing)"),
  404: errorResponse("Not found in this workspace"),
} as const;

/** A JSON response with a schema. */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

/** A JSON request body with a schema. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { "application/json": { schema } }, required: true } };
}

export const WorkspaceParams = z.object({ workspaceId: IdSchema });
export const OkSchema = z.object({ ok: z.literal(true) });
