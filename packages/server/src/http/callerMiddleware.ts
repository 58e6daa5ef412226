import { createMiddleware } from "hono/factory";
import { CSRF_HEADER, credentialsOf, resolveCallerFromCredentials, type Caller } from "../auth/resolveCaller.js";
import { DomainError, forbidden, unauthenticated } from "../errors/DomainError.js";
import type { AppEnv } from "./appEnv.js";
import type { Context } from "hono";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Signing in or up replaces the session, so a stale session's CSRF token must not be required there.
const CSRF_EXEMPT = new Set(["/api/auth/login", "/api/auth/signup"]);
// Everything else needs a caller, checked before the request body is validated so strangers learn nothing.
const PUBLIC_PATHS = new Set([
  "/api/auth/login",
  "/api/auth/signup",
  "/api/auth/logout",
  "/api/health",
  "/api/ready",
  "/api/openapi.json",
  "/api/docs",
]);
// Share links (the token is the credential) and the published JSON Schemas need no account.
const PUBLIC_PREFIXES = ["/api/share/", "/api/schemas/"];

/** Resolves the caller once per request and enforces CSRF for cookie sessions on unsafe methods. */
export const callerMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("caller", undefined);
  c.set("callerError", undefined);
  try {
    c.set("caller", await resolveCallerFromCredentials(c.get("services").db, credentialsOf(c)));
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    c.set("callerError", err);
  }
  const caller = c.get("caller");
  if (!caller && !PUBLIC_PATHS.has(c.req.path) && !PUBLIC_PREFIXES.some((p) => c.req.path.startsWith(p)))
    throw c.get("callerError") ?? unauthenticated("unauthenticated", "sign in or send an API token");
  if (caller?.kind === "session" && !SAFE_METHODS.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) {
    // Double-submit check: the token is only readable by our own pages (GET /api/auth/session), never by other origins.
    if (c.req.header(CSRF_HEADER) !== caller.csrfToken) {
      throw new DomainError({
        kind: "forbidden",
        code: "csrf_failed",
        message: "missing or wrong X-CSRF-Token header for a cookie session",
      });
    }
  }
  await next();
});

/** The caller of a route that needs one; 401 otherwise (naming an expired session as such). */
export function requireCaller(c: Context<AppEnv>): Caller {
  const caller = c.get("caller");
  if (caller) return caller;
  throw c.get("callerError") ?? unauthenticated("unauthenticated", "sign in or send an API token");
}

/** Forbids API tokens on routes only a signed-in person may use (creating tokens, changing passwords). */
export function requireSession(c: Context<AppEnv>): Extract<Caller, { kind: "session" }> {
  const caller = requireCaller(c);
  if (caller.kind !== "session") throw forbidden("this action needs a signed-in session, not an API token");
  return caller;
}

/**
 * The caller of an account-level route that changes something (your profile, creating a workspace): a signed-in
 * person or an account-wide write token; read-only tokens and tokens limited to one workspace are refused.
 */
export function requireAccountWriter(c: Context<AppEnv>): Caller {
  const caller = requireCaller(c);
  if (caller.kind === "token" && caller.workspaceId)
    throw forbidden("this API token is limited to one workspace and cannot change your account");
  if (caller.kind === "token" && caller.scope === "read") throw forbidden("this API token is read-only");
  return caller;
}
