import { roleAllows } from "@opencjm/core";
import type { IncomingHttpHeaders } from "node:http";
import { resolveCallerFromCredentials, sessionCookieFromHeader, type Caller } from "../auth/resolveCaller.js";
import { getWorkspaceRole } from "../auth/workspaceAccess.js";
import type { Db } from "../db/createDb.js";

/** Who joined a map and whether they may write. */
export interface Collaborator {
  caller: Caller;
  readOnly: boolean;
}

/**
 * Authenticates a collaboration connection: the provider's token is an API token (`cjm_…`) or a session cookie value;
 * without one, the upgrade request's session cookie is used. Throws when the map is unknown or the caller is no member
 * (the same answer for both, so map ids of other workspaces reveal nothing).
 */
export async function authenticateCollaborator(db: Db, input: { mapId: string; token: string | undefined; headers: IncomingHttpHeaders }): Promise<Collaborator> {
  const token = input.token || undefined;
  const credentials = token?.startsWith("cjm_")
    ? { bearerToken: token }
    : { sessionCookie: token ?? sessionCookieFromHeader(input.headers.cookie) };
  const caller = await resolveCallerFromCredentials(db, credentials);
  if (!caller) throw new Error("not signed in");
  const map = await db.kysely.selectFrom("maps").select("workspace_id").where("id", "=", input.mapId).executeTakeFirst();
  const role = map ? await getWorkspaceRole(db, caller, map.workspace_id) : undefined;
  if (!role) throw new Error("map not found");
  const canWrite = roleAllows(role, "write") && !(caller.kind === "token" && caller.scope === "read");
  return { caller, readOnly: !canWrite };
}
