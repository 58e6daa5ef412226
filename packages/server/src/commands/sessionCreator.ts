import { randomBytes } from "node:crypto";
import type { Db } from "../db/createDb.js";
import { hashSecret } from "../auth/resolveCaller.js";

/** Starts a session; returns the raw cookie value (stored only hashed) and the CSRF token for that session. */
export async function createSession(
  db: Db,
  userId: string,
  ttlMs: number,
  now = new Date(),
): Promise<{ cookie: string; csrfToken: string; expiresAt: string }> {
  const cookie = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db.kysely
    .insertInto("sessions")
    .values({
      id: hashSecret(cookie),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { cookie, csrfToken, expiresAt };
}
