import type { z } from "zod";

/**
 * What kind of failure a domain error is. Commands and stores say only this; the HTTP layer turns it into a status
 * (http/errorHandling.ts) and the CLI into its `error: …` line (cli/cliErrorOf.ts), each in one place.
 */
export type ErrorClass =
  | "invalid" // the request or file is wrong (400)
  | "unauthenticated" // no valid sign-in (401)
  | "forbidden" // signed in, but not allowed (403)
  | "not_found" // no such thing here (404)
  | "conflict" // the thing's state does not allow it (409)
  | "gone" // it existed but has expired (410)
  | "too_large" // over a size limit (413)
  | "unsupported_media_type" // a body of a type the endpoint does not take (415)
  | "unprocessable" // well-formed but its content cannot be used (422)
  | "too_many" // the caller has too much in flight; retry later (429)
  | "upstream_failed" // a part we drive (Chromium) answered wrongly (502)
  | "unavailable" // the server cannot do it now; retry later (503)
  | "timeout" // a part we drive did not answer in time (504)
  | "insufficient_storage" // no room on disk (507)
  | "internal"; // our fault (500)

/**
 * One problem in the input, with where it is: `path` is the field ("settings.title", "body", a file's location),
 * and a problem inside an uploaded file may also say `row`, `column` and `field` as data. Same shape as the API's
 * issue, so the HTTP layer passes it through.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  row?: number;
  column?: string;
  field?: string;
  code?: string;
}

/**
 * What a domain error is made of; `field` names the input its message starts with ("personaId: …"). `messageKey`
 * (default: the code) and `params` rebuild the message from the errors catalogue in the reader's language
 * (`packages/core/src/i18n/errors/`); without `params` the values are read back from the English message.
 */
export interface DomainErrorInit {
  kind: ErrorClass;
  code: string;
  message: string;
  messageKey?: string;
  params?: Record<string, string | number>;
  field?: string;
  details?: ErrorDetail[];
  retryAfterSeconds?: number;
  schemaIssues?: readonly z.core.$ZodIssue[];
}

/**
 * A failure of a command or store the caller can act on: a stable `code` (the API's error code and the key of its
 * message), an English sentence, the problems found, and its class. It knows nothing of HTTP or the terminal.
 */
export class DomainError extends Error {
  readonly kind: ErrorClass;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: ErrorDetail[];
  readonly retryAfterSeconds: number | undefined;
  readonly messageKey: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  /** The schema problems behind an `invalidInput`, so a presenter can word them in the reader's language. */
  readonly schemaIssues: readonly z.core.$ZodIssue[];

  constructor(init: DomainErrorInit) {
    super(init.message);
    this.name = "DomainError";
    this.kind = init.kind;
    this.code = init.code;
    this.field = init.field;
    this.details = init.details ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.messageKey = init.messageKey;
    this.params = init.params;
    this.schemaIssues = init.schemaIssues ?? [];
  }

  /** The sentence without its leading "field: ", so a presenter can name the field its own way (a CLI option). */
  get reason(): string {
    return this.field !== undefined && this.message.startsWith(`${this.field}: `)
      ? this.message.slice(this.field.length + 2)
      : this.message;
  }
}

/** A problem with one input field: the message reads "field: reason", the detail says `detail` (default: reason). */
export function fieldError(
  field: string,
  reason: string,
  options: { code?: string; kind?: ErrorClass; detail?: string } = {},
): DomainError {
  return new DomainError({
    kind: options.kind ?? "invalid",
    code: options.code ?? "invalid_request",
    message: `${field}: ${reason}`,
    field,
    details: [{ path: field, message: options.detail ?? reason }],
  });
}

/** Not found, without revealing whether the thing exists in another workspace. */
export const notFound = (what: string) =>
  new DomainError({ kind: "not_found", code: "not_found", message: `${what} not found` });

/** A caller whose role or token lacks a permission. */
export const forbidden = (message: string) => new DomainError({ kind: "forbidden", code: "forbidden", message });

/** A refusal because of the thing's state (already used, already finished). */
export const conflict = (code: string, message: string) => new DomainError({ kind: "conflict", code, message });

/** Too much at once: try again after `retryAfterSeconds`. */
export const tryAgainLater = (
  kind: "too_many" | "unavailable",
  code: string,
  message: string,
  retryAfterSeconds: number,
) => new DomainError({ kind, code, message, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/** No valid sign-in: none given (`unauthenticated`), an ended session or an unknown or revoked token. */
export const unauthenticated = (code: "unauthenticated" | "session_expired" | "token_invalid", message: string) =>
  new DomainError({ kind: "unauthenticated", code, message });

/**
 * Input that failed its schema: names the first bad field ("eventNames: …"), with every problem as a detail;
 * `prefix` goes before each path (a route's "query").
 */
export function invalidInput(error: z.core.$ZodError, prefix = ""): DomainError {
  const details = error.issues.map((issue): ErrorDetail => {
    const keys = "keys" in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(", ")})` : "";
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    return { path, message: `${issue.message}${keys}`, code: issue.code };
  });
  const first = details[0];
  return new DomainError({
    kind: "invalid",
    code: "invalid_request",
    message: first ? `${first.path}: ${first.message}` : "invalid request",
    field: first?.path,
    details,
    schemaIssues: error.issues,
  });
}
