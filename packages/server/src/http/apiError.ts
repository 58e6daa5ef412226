import type { ApiIssue } from "@opencjm/core";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * One problem in a request, with the path of the field it concerns ("settings.title", "body") and, for a problem
 * inside an uploaded file, where in it as data (`row`, `column`, `field`): the contract's `ApiIssue`.
 */
export type ErrorIssue = ApiIssue;

/**
 * An error the API answers with its own status and a JSON body `{ error: { code, message, issues } }` (the
 * contract's `ApiErrorBody`), plus any response headers it needs (`Retry-After` on 429 and 503).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 404 that does not reveal whether the thing exists in another workspace. */
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
/** 403 for a caller whose role lacks a permission. */
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
/** 401 for a missing or expired login. */
export const unauthorized = (code: "unauthenticated" | "session_expired" | "token_invalid", message: string) =>
  new ApiError(401, code, message);
/** 429 or 503 telling the sender how many seconds to wait before trying again. */
export const tryAgainLater = (status: 429 | 503, code: string, message: string, retryAfterSeconds: number) =>
  new ApiError(status, code, message, [], { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
