import type { Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { conflict, notFound } from "../errors/DomainError.js";
import { deleteMember, listMembers, listOwnerIds, updateMemberRole, type Member } from "../store/memberStore.js";

async function findMember(db: Db, workspaceId: string, userId: string): Promise<Member> {
  const member = (await listMembers(db, workspaceId)).find((m) => m.userId === userId);
  if (!member) throw notFound("member");
  return member;
}

/** Refuses a change that would leave the workspace without an owner. */
async function keepAnOwner(db: Db, workspaceId: string, userId: string): Promise<void> {
  const owners = await listOwnerIds(db, workspaceId);
  if (owners.length === 1 && owners[0] === userId)
    throw conflict("last_owner", "a workspace needs at least one owner; make someone else owner first");
}

/** Gives a member another role, never taking the last owner's. */
export async function changeMemberRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<Member> {
  const member = await findMember(db, workspaceId, userId);
  if (role !== "owner") await keepAnOwner(db, workspaceId, userId);
  await updateMemberRole(db, workspaceId, userId, role);
  return { ...member, role };
}

/** Removes a member (or lets one leave), never the last owner. */
export async function removeMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  await findMember(db, workspaceId, userId);
  await keepAnOwner(db, workspaceId, userId);
  await deleteMember(db, workspaceId, userId);
}
