import { newId, type ActivityAction, type ActivityData } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { insertActivity } from "../store/activityStore.js";

/** Something that happened in a workspace, as a command reports it to the activity log. */
export interface NewActivity {
  workspaceId: string;
  /** The map it happened to, when it concerns one (kept after the map is deleted). */
  mapId?: string;
  /** Who did it; null for the system (a scheduled job, the CLI without an account). */
  actorId: string | null;
  action: ActivityAction;
  /** The few words the entry shows later, when the thing itself may be renamed or gone: a title, a role, an e-mail. */
  data: ActivityData;
}

/** The workspace activity log (PRODUCT.md §4.8): who did what to which map or member, and when. */
export class ActivityLog {
  constructor(private readonly db: Db) {}

  /** Appends one entry; call it after the change itself has been stored. */
  async record(entry: NewActivity): Promise<void> {
    await insertActivity(this.db, {
      id: newId("act_"),
      workspace_id: entry.workspaceId,
      map_id: entry.mapId ?? null,
      actor_id: entry.actorId,
      action: entry.action,
      data: JSON.stringify(entry.data),
      created_at: new Date().toISOString(),
    });
  }
}
