import { z } from "@hono/zod-openapi";
import { ApiErrorBodySchema, IdSchema, OkResponseSchema } from "@opencjm/core";

/**
 * Names a schema of the wire contract (core) in the OpenAPI document, as `.openapi("Name")` does. Core builds its
 * schemas before zod-openapi adds `.openapi` to zod, and zod 4 gives each schema its methods when it is built, so
 * the contract's schemas lack the method and borrow it here.
 */
export function named<T extends z.ZodType>(schema: T, name: string): T {
  return z.ZodType.prototype.openapi.call(schema, name) as T;
}

/** The error body every failing endpoint returns (the contract's). */
export const ErrorSchema = named(ApiErrorBodySchema, "Error");

const errorResponse = (description: string) => ({
  content: { "application/json": { schema: ErrorSchema } },
  description,
});

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
export const OkSchema = OkResponseSchema;
