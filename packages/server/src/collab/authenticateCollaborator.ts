import { roleAllows } from "@opencjm/core";
import type { IncomingHttpHeaders } from "node:http";
import { resolveCallerFromCredentials, sessionCookieFromHeader, type Caller } from "../auth/resolveCaller.js";
import { getWorkspaceRole } from "../auth/workspaceAccess.js";
import type { Db } from "../db/createDb.js";
import { TICKET_PREFIX, type CollabTicketStore } from "./collabTickets.js";

/** Who joined a map and whether they may write. */
export interface Collaborator {
  caller: Caller;
  readOnly: boolean;
}

/**
 * Authenticates a collaboration connection. The provider's token is a ticket from `GET /api/collab/ticket` (`cjt_…`,
 * what the web app sends), an API token (`cjm_…`) or a session cookie value; without one, the upgrade request's
 * session cookie is used (the socket's Origin was checked before). Throws when the map is unknown or the caller is no
 * member (the same answer for both, so map ids of other workspaces reveal nothing).
 */
export async function authenticateCollaborator(
  db: Db,
  tickets: CollabTicketStore,
  input: { mapId: string; token: string | undefined; headers: IncomingHttpHeaders },
): Promise<Collaborator> {
  const token = input.token || undefined;
  let caller: Caller | undefined;
  if (token?.startsWith(TICKET_PREFIX)) {
    caller = await tickets.redeem(token);
    if (!caller) throw new Error("ticket unknown, used or expired");
  } else {
    const credentials = token?.startsWith("cjm_")
      ? { bearerToken: token }
      : { sessionCookie: token ?? sessionCookieFromHeader(input.headers.cookie) };
    caller = await resolveCallerFromCredentials(db, credentials);
  }
  if (!caller) throw new Error("not signed in");
  const rights = await collaboratorRights(db, caller, input.mapId);
  if (!rights) throw new Error("map not found");
  return { caller, readOnly: rights.readOnly };
}

/**
 * What a caller may do on a map now: undefined when their session ended, their token was revoked or expired, or they
 * are no longer a member of the map's workspace (or the map is gone); otherwise whether they may only read.
 */
export async function collaboratorRights(
  db: Db,
  caller: Caller,
  mapId: string,
  now = new Date(),
): Promise<{ readOnly: boolean } | undefined> {
  const nowIso = now.toISOString();
  if (caller.kind === "session") {
    const session = await db.kysely
      .selectFrom("sessions")
      .select("expires_at")
      .where("id", "=", caller.sessionId)
      .executeTakeFirst();
    if (!session || session.expires_at <= nowIso) return undefined;
  } else {
    const token = await db.kysely
      .selectFrom("api_tokens")
      .select(["revoked_at", "expires_at"])
      .where("id", "=", caller.tokenId)
      .executeTakeFirst();
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= nowIso)) return undefined;
  }
  const map = await db.kysely.selectFrom("maps").select("workspace_id").where("id", "=", mapId).executeTakeFirst();
  const role = map ? await getWorkspaceRole(db, caller, map.workspace_id) : undefined;
  if (!role) return undefined;
  const canWrite = roleAllows(role, "write") && !(caller.kind === "token" && caller.scope === "read");
  return { readOnly: !canWrite };
}
