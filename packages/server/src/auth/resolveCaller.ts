import { createHash } from "node:crypto";
import { getCookie } from "hono/cookie";
import type { Context } from "hono";
import type { Db } from "../db/createDb.js";
import { unauthenticated } from "../errors/DomainError.js";

export const SESSION_COOKIE = "cjm_session";
export const CSRF_HEADER = "x-csrf-token";

/** Who is calling: a signed-in user (session cookie) or a script (API token). */
export type Caller =
  | { kind: "session"; userId: string; sessionId: string; csrfToken: string }
  | { kind: "token"; userId: string; tokenId: string; scope: "read" | "write"; workspaceId: string | null };

/** SHA-256 hex of a secret; sessions, tokens and invitations are stored only as this hash. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Finds the caller from a raw session cookie value or bearer token; throws 401 for expired or unknown credentials. */
export async function resolveCallerFromCredentials(
  db: Db,
  credentials: { sessionCookie?: string; bearerToken?: string },
  now = new Date(),
): Promise<Caller | undefined> {
  const nowIso = now.toISOString();
  if (credentials.bearerToken) {
    const row = await db.kysely
      .selectFrom("api_tokens")
      .selectAll()
      .where("token_hash", "=", hashSecret(credentials.bearerToken))
      .executeTakeFirst();
    if (!row || row.revoked_at) throw unauthenticated("token_invalid", "API token is unknown or revoked");
    if (row.expires_at && row.expires_at <= nowIso) throw unauthenticated("token_invalid", "API token has expired");
    await db.kysely.updateTable("api_tokens").set({ last_used_at: nowIso }).where("id", "=", row.id).execute();
    return {
      kind: "token",
      userId: row.user_id,
      tokenId: row.id,
      scope: row.scope === "write" ? "write" : "read",
      workspaceId: row.workspace_id,
    };
  }
  if (credentials.sessionCookie) {
    const id = hashSecret(credentials.sessionCookie);
    const row = await db.kysely.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw unauthenticated("session_expired", "session is unknown or has ended; sign in again");
    if (row.expires_at <= nowIso) {
      await db.kysely.deleteFrom("sessions").where("id", "=", id).execute();
      throw unauthenticated("session_expired", "session has expired; sign in again");
    }
    return { kind: "session", userId: row.user_id, sessionId: row.id, csrfToken: row.csrf_token };
  }
  return undefined;
}

/** Reads the session cookie and `Authorization: Bearer` header of a Hono request. */
export function credentialsOf(c: Context): { sessionCookie?: string; bearerToken?: string } {
  const auth = c.req.header("authorization");
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return { bearerToken: bearer, sessionCookie: bearer ? undefined : getCookie(c, SESSION_COOKIE) };
}

/** Parses a raw Cookie header (for WebSocket upgrades, where there is no Hono context). */
export function sessionCookieFromHeader(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
