import type { Connection } from "@hocuspocus/server";
import type { AccessChanges } from "../auth/accessChanges.js";
import type { Caller } from "../auth/resolveCaller.js";
import type { Db } from "../db/createDb.js";
import { collaboratorRights } from "./authenticateCollaborator.js";
import { COLLAB_CLOSE, guardOf } from "./socketGuard.js";

/** What `onAuthenticate` stores on each connection. */
export interface CollaboratorContext {
  userId: string;
  caller: Caller;
  /** The access generation at which this connection's rights were last checked. */
  checkedAt: number;
}

/** The close event a connection whose rights were taken away receives. */
const REVOKED = { code: COLLAB_CLOSE.accessRevoked, reason: "access_revoked: your access to this map has ended" };

/**
 * Keeps live connections' rights current. Whenever rights may have changed (a sign-out, a revoked token, a new role,
 * a removed member, a deleted workspace), every open connection is checked again at once: one that lost access is
 * closed, one made a viewer becomes read-only, one made an editor may write. A write that arrives before that sweep
 * has reached its connection waits for its own check (`confirm`), so no write slips through in between.
 */
export class CollaboratorRights {
  private readonly unsubscribe: () => void;
  private sweeping: Promise<void> | undefined;
  private sweepAgain = false;

  constructor(
    private readonly db: Db,
    private readonly changes: AccessChanges,
    private readonly connections: () => Array<{ connection: Connection; documentName: string }>,
  ) {
    this.unsubscribe = changes.subscribe(() => this.sweep());
  }

  /** Checks again if rights changed since the connection's last check; throws (and closes it) if access has ended. */
  async confirm(connection: Connection, documentName: string): Promise<void> {
    const context = connection.context as CollaboratorContext;
    if (context.checkedAt === this.changes.generation) return;
    if (!(await this.recheck(connection, documentName))) throw Object.assign(new Error(REVOKED.reason), REVOKED);
  }

  /** Stops following changes (the server is closing). */
  stop(): void {
    this.unsubscribe();
  }

  private sweep(): void {
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = (async () => {
      do {
        this.sweepAgain = false;
        for (const { connection, documentName } of this.connections()) {
          try {
            await this.recheck(connection, documentName);
          } catch (err) {
            console.error("could not check a collaborator's rights:", err instanceof Error ? err.message : err);
          }
        }
      } while (this.sweepAgain);
    })().finally(() => (this.sweeping = undefined));
  }

  private async recheck(connection: Connection, documentName: string): Promise<boolean> {
    const context = connection.context as CollaboratorContext;
    const generation = this.changes.generation;
    const rights = await collaboratorRights(this.db, context.caller, documentName);
    if (!rights) {
      connection.close(REVOKED);
      // The web app opens one socket per map: close it too, so its provider reconnects and learns it was refused.
      guardOf(connection.webSocket)?.close(REVOKED.code, REVOKED.reason);
      return false;
    }
    connection.readOnly = rights.readOnly;
    context.checkedAt = generation;
    return true;
  }
}
