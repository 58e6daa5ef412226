import { newId, type NotificationData, type NotificationKind } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { insertNotifications } from "../store/notificationStore.js";

/** A notification to record for one person, as a command hands it to `services.notifications.notify`. */
export interface NewNotification {
  /** Who is told. */
  userId: string;
  workspaceId: string;
  kind: NotificationKind;
  /** Who caused it; null for the system (an import finishing). Nobody is notified of their own action. */
  actorId: string | null;
  /** The map it is about, when there is one; the link then opens it. */
  mapId?: string;
  /** The thread, idea or import it is about. */
  subjectId?: string;
  /** The few words it shows (a map title, an excerpt of the comment, an import's counts): flat and short. */
  data?: NotificationData;
}

/** In-app notifications (and mention e-mails when SMTP is configured and the person allows them). */
export class Notifier {
  constructor(private readonly db: Db) {}

  /** Records the notifications, skipping anyone told of their own action. */
  async notify(items: NewNotification[]): Promise<void> {
    const createdAt = new Date().toISOString();
    const rows = items
      .filter((item) => item.userId !== item.actorId)
      .map((item) => ({
        id: newId("ntf_"),
        user_id: item.userId,
        workspace_id: item.workspaceId,
        kind: item.kind,
        actor_id: item.actorId,
        map_id: item.mapId ?? null,
        subject_id: item.subjectId ?? null,
        data: JSON.stringify(item.data ?? {}),
        created_at: createdAt,
        read_at: null,
      }));
    await insertNotifications(this.db, rows);
  }
}
