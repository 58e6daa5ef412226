import type { Db } from "../db/createDb.js";

/** An account as the API shows it. */
export interface User {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** The account with this id (which the caller's session or token vouches for). */
export async function getUser(db: Db, userId: string): Promise<User> {
  return db.kysely
    .selectFrom("users")
    .select(["id", "email", "name", "locale"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

/** The id and password hash of the account with this (normalised) e-mail, for signing in. */
export async function findLogin(db: Db, email: string): Promise<{ id: string; password_hash: string } | undefined> {
  return db.kysely.selectFrom("users").select(["id", "password_hash"]).where("email", "=", email).executeTakeFirst();
}

/** What a password change checks against: the current hash, and the e-mail and name a new password may not build on. */
export async function getPasswordHolder(
  db: Db,
  userId: string,
): Promise<{ password_hash: string; email: string; name: string }> {
  return db.kysely
    .selectFrom("users")
    .select(["password_hash", "email", "name"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

/** Changes a person's name or language. */
export async function updateProfile(db: Db, userId: string, patch: { name?: string; locale?: string }): Promise<void> {
  if (patch.name === undefined && patch.locale === undefined) return;
  await db.kysely.updateTable("users").set(patch).where("id", "=", userId).execute();
}

/**
 * Stores a new password hash and, in the same transaction, ends every other session of the account and optionally
 * revokes its API tokens; returns how many of each.
 */
export async function replacePassword(
  db: Db,
  input: { userId: string; keepSessionId: string; passwordHash: string; revokeTokens: boolean },
): Promise<{ endedSessions: number; revokedTokens: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: input.passwordHash }).where("id", "=", input.userId).execute();
    const ended = await trx
      .deleteFrom("sessions")
      .where("user_id", "=", input.userId)
      .where("id", "!=", input.keepSessionId)
      .executeTakeFirst();
    const revoked = input.revokeTokens
      ? await trx
          .updateTable("api_tokens")
          .set({ revoked_at: new Date().toISOString() })
          .where("user_id", "=", input.userId)
          .where("revoked_at", "is", null)
          .executeTakeFirst()
      : undefined;
    return { endedSessions: Number(ended.numDeletedRows), revokedTokens: Number(revoked?.numUpdatedRows ?? 0) };
  });
}

/** Ends one session (signing out). */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.kysely.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** The id of the account with this e-mail (any case), if there is one. */
export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  return (await db.kysely.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst())
    ?.id;
}
