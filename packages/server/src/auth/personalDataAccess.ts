import { roleAllows, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { DomainError } from "../errors/DomainError.js";
import type { Caller } from "./resolveCaller.js";
import { requireWorkspacePermission } from "./workspaceAccess.js";

/**
 * Checks that the caller may see customers' personal data (identifiers, events, their own words) in the workspace:
 * owners and editors, who import and link that data, with their session or any of their tokens (reading it changes
 * nothing, so a read-only token will do). Commenters and viewers see the numbers on the map, never who is behind
 * them; share links never reach these endpoints. Returns the caller's role.
 */
export async function requirePersonalDataAccess(
  db: Db,
  caller: Caller | undefined,
  workspaceId: string,
): Promise<Role> {
  const role = await requireWorkspacePermission(db, caller, workspaceId, "read");
  if (!roleAllows(role, "write"))
    throw new DomainError({
      kind: "forbidden",
      code: "forbidden",
      messageKey: "forbidden.personalData",
      message: `the ${role} role cannot see customers' personal data; owners and editors can`,
      params: { role },
    });
  return role;
}
