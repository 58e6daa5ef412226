import { LocaleSchema, newId, type NotificationData, type NotificationKind } from "@opencjm/core";
import type { AppConfig } from "../config.js";
import type { Db } from "../db/createDb.js";
import { mailerOf } from "../mail/Mailer.js";
import { mentionEmail } from "../mail/mentionEmail.js";
import { insertNotifications, wantsMentionEmails } from "../store/notificationStore.js";
import { getUser } from "../store/userStore.js";
import { getWorkspace } from "../store/workspaceStore.js";

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
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  /**
   * Records the notifications, skipping anyone told of their own action, then e-mails the mentions (when SMTP is
   * configured and the person has not turned that off) without making the caller wait for the mail server.
   */
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
    const mentions = items.filter((item) => item.kind === "mention" && item.userId !== item.actorId);
    if (mentions.length > 0 && mailerOf(this.config).enabled) {
      void Promise.all(mentions.map((item) => this.emailMention(item))).catch((err: unknown) =>
        console.error("could not e-mail a mention", err),
      );
    }
  }

  /** Sends one mention e-mail in the reader's language, if they want it. */
  private async emailMention(item: NewNotification): Promise<void> {
    if (!(await wantsMentionEmails(this.db, item.userId))) return;
    const mailer = mailerOf(this.config);
    const [reader, workspace, actor] = await Promise.all([
      getUser(this.db, item.userId),
      getWorkspace(this.db, item.workspaceId),
      item.actorId ? getUser(this.db, item.actorId) : undefined,
    ]);
    const word = (key: string) => (typeof item.data?.[key] === "string" ? String(item.data[key]) : "");
    const base = `/w/${encodeURIComponent(item.workspaceId)}`;
    await mailer.send(
      mentionEmail(mailer, {
        to: reader.email,
        locale: LocaleSchema.catch("en").parse(reader.locale),
        actorName: actor?.name ?? "OpenCJM",
        workspaceName: workspace.name,
        mapTitle: word("mapTitle"),
        excerpt: word("excerpt"),
        path: item.mapId ? `${base}/maps/${encodeURIComponent(item.mapId)}` : base,
      }),
    );
  }
}
