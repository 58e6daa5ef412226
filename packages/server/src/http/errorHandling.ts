import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError, type z } from "zod";
import { DomainError, type ErrorClass } from "../errors/DomainError.js";
import { ApiError, type ErrorIssue } from "./apiError.js";
import { redactInternalPaths } from "./redactInternalPaths.js";

/** Turns zod issues into `{ path, message, code }` with dotted paths ("settings.emotionScale.min") and zod's issue code. */
export function issuesOf(error: z.core.$ZodError, prefix = ""): ErrorIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    const keys = "keys" in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(", ")})` : "";
    return { path, message: `${issue.message}${keys}`, code: issue.code };
  });
}

/** A 400 naming the first bad field, with every issue listed. */
export function validationError(error: z.core.$ZodError, prefix = ""): ApiError {
  const issues = issuesOf(error, prefix);
  const first = issues[0];
  return new ApiError(400, "invalid_request", first ? `${first.path}: ${first.message}` : "invalid request", issues);
}

/** The HTTP status of each class of domain error: the one place the API decides it. */
const STATUS_OF: Record<ErrorClass, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unprocessable: 422,
  too_many: 429,
  internal: 500,
  upstream_failed: 502,
  unavailable: 503,
  timeout: 504,
  insufficient_storage: 507,
};

/** A domain error as the API presents it: its status, code, message and issues, and `Retry-After` when it has one. */
export function apiErrorOf(err: DomainError): ApiError {
  const headers: Record<string, string> =
    err.retryAfterSeconds === undefined ? {} : { "retry-after": String(err.retryAfterSeconds) };
  return new ApiError(STATUS_OF[err.kind], err.code, err.message, err.details, headers);
}

/** The app's error handler: every failure leaves as `{ error: { code, message, issues } }` with the right status. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof DomainError) return handleError(apiErrorOf(err), c);
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    // Messages may carry a library's words (DuckDB, Chromium, the file system) with the server's paths in them.
    const issues = err.issues.map((issue) => ({ ...issue, message: redactInternalPaths(issue.message) }));
    return c.json({ error: { code: err.code, message: redactInternalPaths(err.message), issues } }, err.status);
  }
  if (err instanceof ZodError) {
    const e = validationError(err);
    return c.json({ error: { code: e.code, message: e.message, issues: e.issues } }, 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? "payload_too_large" : status === 400 ? "invalid_request" : "http_error";
    const message = redactInternalPaths(
      err.message || (status === 413 ? "request body is too large" : "request failed"),
    );
    return c.json({ error: { code, message, issues: status === 400 ? [{ path: "body", message }] : [] } }, status);
  }
  console.error(err);
  return c.json({ error: { code: "internal", message: "internal server error", issues: [] } }, 500);
}
