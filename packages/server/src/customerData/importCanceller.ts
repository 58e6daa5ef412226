import { getImport, type ImportRecord } from "@opencjm/analytics";
import { roleAllows } from "@opencjm/core";
import type { Caller } from "../auth/resolveCaller.js";
import { requireWorkspacePermission } from "../auth/workspaceAccess.js";
import { conflict, forbidden, notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";

const finished = (record: ImportRecord, when: string) =>
  conflict("import_finished", `the import ${when} (${record.status}); there is nothing to cancel`);

/**
 * Cancels an import running in this server for whoever started it or an editor (never a read-only token): it stops,
 * rolls back everything, and its history entry says it was cancelled and by whom. Returns that entry once the import
 * has stopped; an import that has already ended, or ends before the cancellation reaches it, is a 409.
 */
export async function cancelImport(
  services: Services,
  caller: Caller,
  workspaceId: string,
  importId: string,
): Promise<ImportRecord> {
  const role = await requireWorkspacePermission(services.db, caller, workspaceId, "read");
  const db = await services.analytics.open(workspaceId);
  const tracker = services.analytics.imports;
  if (caller.kind === "token" && caller.scope === "read") throw forbidden("this API token is read-only");
  const live = tracker.current(workspaceId, importId);
  // Rights first, so whether an import is still running is told only to those who may cancel it.
  const mayCancel = roleAllows(role, "write") || (live !== undefined && live.startedBy === caller.userId);
  if (!mayCancel) throw forbidden(`only whoever started the import and editors can cancel it; the ${role} role cannot`);
  if (!live || live.finished) {
    const record = await getImport(db.connection, importId);
    if (!record) throw notFound("import");
    throw finished(record, "has already ended");
  }
  const user = await services.db.kysely
    .selectFrom("users")
    .select(["name", "email"])
    .where("id", "=", caller.userId)
    .executeTakeFirst();
  const cancelled = await tracker.cancel(
    workspaceId,
    importId,
    user ? `by ${user.name} (${user.email})` : "by request",
  );
  const record = await getImport(db.connection, importId);
  if (!record) throw notFound("import");
  if (!cancelled || record.error?.code !== "cancelled")
    throw finished(record, "ended before the cancellation reached it");
  return record;
}
