import type { Db } from "../db/createDb.js";
import { conflict, notFound } from "../errors/DomainError.js";
import { listMembers, updateMemberRole } from "../store/memberStore.js";

/**
 * Hands a workspace from one owner to another member in one transaction: the new owner gains the role before the old
 * one steps down to editor, so the workspace is never without an owner, and never left with both when one step fails.
 */
export async function transferOwnership(
  db: Db,
  workspaceId: string,
  fromUserId: string,
  toUserId: string,
): Promise<void> {
  if (fromUserId === toUserId) throw conflict("already_owner", "you already own this workspace; choose another member");
  await db.kysely.transaction().execute(async (trx) => {
    const tx: Db = { ...db, kysely: trx };
    const members = await listMembers(tx, workspaceId);
    if (!members.some((m) => m.userId === toUserId)) throw notFound("member");
    await updateMemberRole(tx, workspaceId, toUserId, "owner");
    await updateMemberRole(tx, workspaceId, fromUserId, "editor");
  });
}
