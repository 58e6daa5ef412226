import { RoleSchema, type Locale, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";

/** A workspace as the API shows it. */
export interface WorkspaceInfo {
  id: string;
  name: string;
  locale: string;
  createdAt: string;
}

/** One workspace (the caller's access already checked). */
export async function getWorkspace(db: Db, workspaceId: string): Promise<WorkspaceInfo> {
  const row = await db.kysely
    .selectFrom("workspaces")
    .selectAll()
    .where("id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, locale: row.locale, createdAt: row.created_at };
}

/** The workspaces a person belongs to, by name, with their role; `onlyId` narrows to one (a workspace token's). */
export async function listWorkspacesOf(
  db: Db,
  userId: string,
  onlyId?: string,
): Promise<Array<WorkspaceInfo & { role: Role }>> {
  let query = db.kysely
    .selectFrom("members")
    .innerJoin("workspaces", "workspaces.id", "members.workspace_id")
    .selectAll("workspaces")
    .select("members.role")
    .where("members.user_id", "=", userId);
  if (onlyId) query = query.where("workspaces.id", "=", onlyId);
  const rows = await query.orderBy("workspaces.name").execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    locale: r.locale,
    createdAt: r.created_at,
    role: RoleSchema.parse(r.role),
  }));
}

/** Renames a workspace or changes its language. */
export async function updateWorkspace(
  db: Db,
  workspaceId: string,
  patch: { name?: string; locale?: Locale },
): Promise<void> {
  if (patch.name === undefined && patch.locale === undefined) return;
  await db.kysely.updateTable("workspaces").set(patch).where("id", "=", workspaceId).execute();
}

/** Deletes a workspace's row; everything stored under it goes with it (foreign keys cascade). */
export async function deleteWorkspaceRow(db: Db, workspaceId: string): Promise<void> {
  await db.kysely.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
}

/** The workspace with this id if it exists (the CLI's `--workspace`, which no sign-in vouches for). */
export async function findWorkspaceRef(db: Db, workspaceId: string): Promise<{ id: string } | undefined> {
  return db.kysely.selectFrom("workspaces").select("id").where("id", "=", workspaceId).executeTakeFirst();
}

/** Whether the database holds any workspace at all (a fresh install holds none). */
export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  return (await db.kysely.selectFrom("workspaces").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** Every workspace of the installation, by name, with its members and maps counted (the CLI's `workspace list`). */
export async function listAllWorkspaces(db: Db): Promise<Array<WorkspaceInfo & { members: number; maps: number }>> {
  const rows = await db.kysely
    .selectFrom("workspaces")
    .select((eb) => [
      "workspaces.id",
      "workspaces.name",
      "workspaces.locale",
      "workspaces.created_at",
      eb
        .selectFrom("members")
        .select((m) => m.fn.countAll<number | string>().as("n"))
        .whereRef("members.workspace_id", "=", "workspaces.id")
        .as("members"),
      eb
        .selectFrom("maps")
        .select((m) => m.fn.countAll<number | string>().as("n"))
        .whereRef("maps.workspace_id", "=", "workspaces.id")
        .as("maps"),
    ])
    .orderBy("workspaces.name")
    .orderBy("workspaces.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    locale: r.locale,
    createdAt: r.created_at,
    members: Number(r.members ?? 0),
    maps: Number(r.maps ?? 0),
  }));
}
