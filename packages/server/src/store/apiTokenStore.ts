import type { Db } from "../db/createDb.js";
import type { ApiTokenRow } from "../db/schema.js";

/** One API token's row (its hash included: callers present it without). */
export async function getApiToken(db: Db, tokenId: string): Promise<ApiTokenRow> {
  return db.kysely.selectFrom("api_tokens").selectAll().where("id", "=", tokenId).executeTakeFirstOrThrow();
}

/** A person's API tokens, newest first, revoked ones included. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.kysely
    .selectFrom("api_tokens")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Revokes one of a person's API tokens; false when they have none with that id. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db.kysely
    .updateTable("api_tokens")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
