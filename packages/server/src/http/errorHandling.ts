import {
  acceptedLanguages,
  LocaleSchema,
  matchLocale,
  type ApiErrorBody,
  type ApiIssue,
  type Locale,
} from "@opencjm/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError, type z } from "zod";
import { DomainError, invalidInput, type ErrorClass } from "../errors/DomainError.js";
import { localisedErrorMessage, localisedIssueMessage } from "../errors/localiseError.js";
import { getUser } from "../store/userStore.js";
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
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many: 429,
  internal: 500,
  upstream_failed: 502,
  unavailable: 503,
  timeout: 504,
  insufficient_storage: 507,
};

/** A domain error as the API answers it: its status and headers, and the code, message and issues of its body. */
export interface ApiErrorAnswer {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  issues: ApiIssue[];
  headers: Record<string, string>;
}

/**
 * A domain error as the API presents it, in the reader's language: its status, code, message and issues (any server
 * paths removed, as messages may carry a library's words), and `Retry-After` when it has one.
 */
export function apiErrorOf(err: DomainError, locale: Locale = "en"): ApiErrorAnswer {
  const headers: Record<string, string> =
    err.retryAfterSeconds === undefined ? {} : { "retry-after": String(err.retryAfterSeconds) };
  const issues = err.details.map((detail, i) => ({
    ...detail,
    message: redactInternalPaths(localisedIssueMessage(err.code, detail.message, err.schemaIssues[i], locale)),
  }));
  const message = redactInternalPaths(localisedErrorMessage(err, locale));
  return { status: STATUS_OF[err.kind], code: err.code, message, issues, headers };
}

/** The reader's language: the signed-in account's, else the first of `Accept-Language` we speak, else English. */
export async function readerLocale(c: Context): Promise<Locale> {
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
  if (err instanceof DomainError) return present(apiErrorOf(err, locale), c);
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

/** Sends an API error as `{ error: { code, message, issues } }` (the contract's `ApiErrorBody`) with its headers. */
function present(answer: ApiErrorAnswer, c: Context): Response {
  for (const [name, value] of Object.entries(answer.headers)) c.header(name, value);
  const body: ApiErrorBody = { error: { code: answer.code, message: answer.message, issues: answer.issues } };
  return c.json(body, answer.status);
}
