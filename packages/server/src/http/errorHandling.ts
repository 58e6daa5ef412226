import { acceptedLanguages, LocaleSchema, matchLocale, type Locale } from "@opencjm/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError, type z } from "zod";
import { DomainError, invalidInput, type ErrorClass } from "../errors/DomainError.js";
import { localisedErrorMessage, localisedIssueMessage } from "../errors/localiseError.js";
import { getUser } from "../store/userStore.js";
import { ApiError } from "./apiError.js";
import type { AppEnv } from "./appEnv.js";
import { redactInternalPaths } from "./redactInternalPaths.js";

/** A 400 naming the first bad field, with every issue listed; `prefix` goes before each path ("query"). */
export function validationError(error: z.core.$ZodError, prefix = ""): DomainError {
  return invalidInput(error, prefix);
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
export function apiErrorOf(err: DomainError, locale: Locale = "en"): ApiError {
  const headers: Record<string, string> =
    err.retryAfterSeconds === undefined ? {} : { "retry-after": String(err.retryAfterSeconds) };
  const issues = err.details.map((detail, i) => ({
    ...detail,
    message: localisedIssueMessage(err.code, detail.message, err.schemaIssues[i], locale),
  }));
  return new ApiError(STATUS_OF[err.kind], err.code, localisedErrorMessage(err, locale), issues, headers);
}

/** The reader's language: the signed-in account's, else the first of `Accept-Language` we speak, else English. */
async function readerLocale(c: Context): Promise<Locale> {
  const env = c as Context<AppEnv>;
  const caller = env.get("caller");
  if (caller) {
    try {
      const account = LocaleSchema.safeParse((await getUser(env.get("services").db, caller.userId)).locale);
      if (account.success) return account.data;
    } catch {
      // The error may be the database's own; the header still says which language to answer in.
    }
  }
  return matchLocale(acceptedLanguages(c.req.header("accept-language"))) ?? "en";
}

/** The app's error handler: every failure leaves as `{ error: { code, message, issues } }` with the right status. */
export async function handleError(err: Error, c: Context): Promise<Response> {
  const locale = await readerLocale(c);
  if (err instanceof ZodError) return handleError(invalidInput(err), c);
  if (err instanceof DomainError) return present(apiErrorOf(err, locale), c, "en");
  if (err instanceof ApiError) return present(err, c, locale);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? "payload_too_large" : status === 400 ? "invalid_request" : "http_error";
    const english = redactInternalPaths(
      err.message || (status === 413 ? "request body is too large" : "request failed"),
    );
    const message = localisedErrorMessage({ code, message: english }, locale);
    return c.json({ error: { code, message, issues: status === 400 ? [{ path: "body", message }] : [] } }, status);
  }
  console.error(err);
  const message = localisedErrorMessage({ code: "internal", message: "internal server error" }, locale);
  return c.json({ error: { code: "internal", message, issues: [] } }, 500);
}

/** Sends an API error, its message and issues in `locale` unless already worded, with any server paths removed. */
function present(err: ApiError, c: Context, locale: Locale): Response {
  for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
  // Messages may carry a library's words (DuckDB, Chromium, the file system) with the server's paths in them.
  const issues = err.issues.map((issue) => ({
    ...issue,
    message: redactInternalPaths(localisedIssueMessage(err.code, issue.message, undefined, locale)),
  }));
  const message = redactInternalPaths(localisedErrorMessage({ code: err.code, message: err.message }, locale));
  return c.json({ error: { code: err.code, message, issues } }, err.status);
}
