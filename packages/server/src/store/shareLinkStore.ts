import type { Db } from "../db/createDb.js";
import type { ShareLinkRow } from "../db/schema.js";

/** A map's share links that still work, newest first (export links, which are internal, are never listed). */
export async function listShareLinks(db: Db, mapId: string): Promise<ShareLinkRow[]> {
  return db.kysely
    .selectFrom("share_links")
    .selectAll()
    .where("map_id", "=", mapId)
    .where("purpose", "=", "share")
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

/** Revokes one of a map's working share links; false when it has none with that id. */
export async function revokeShareLink(db: Db, mapId: string, linkId: string): Promise<boolean> {
  const result = await db.kysely
    .updateTable("share_links")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", linkId)
    .where("map_id", "=", mapId)
    .where("purpose", "=", "share")
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
