import { DriftSettingsSchema, type DriftSettings } from "@opencjm/core";
import type { Db } from "../db/createDb.js";

/** The workspace's drift thresholds, the defaults when none were saved (or a saved row no longer parses). */
export async function getDriftSettings(db: Db, workspaceId: string): Promise<DriftSettings> {
  const row = await db.kysely
    .selectFrom("drift_settings")
    .select("settings")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  const parsed = row ? DriftSettingsSchema.safeParse(JSON.parse(row.settings)) : undefined;
  return parsed?.success ? parsed.data : DriftSettingsSchema.parse({});
}

/** Replaces the workspace's drift thresholds. */
export async function saveDriftSettings(
  db: Db,
  workspaceId: string,
  userId: string,
  settings: DriftSettings,
): Promise<void> {
  const row = { settings: JSON.stringify(settings), updated_by: userId, updated_at: new Date().toISOString() };
  await db.kysely
    .insertInto("drift_settings")
    .values({ workspace_id: workspaceId, ...row })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet(row))
    .execute();
}

/** Whether the member gets the weekly digest of this workspace by e-mail. */
export async function isDriftDigestSubscriber(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom("drift_digest_subscribers")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Turns the weekly digest e-mail on or off for one member. */
export async function setDriftDigestSubscriber(
  db: Db,
  workspaceId: string,
  userId: string,
  weeklyEmail: boolean,
): Promise<void> {
  if (!weeklyEmail) {
    await db.kysely
      .deleteFrom("drift_digest_subscribers")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .execute();
    return;
  }
  await db.kysely
    .insertInto("drift_digest_subscribers")
    .values({ workspace_id: workspaceId, user_id: userId, created_at: new Date().toISOString(), last_sent_week: null })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
    .execute();
}

/** A subscriber who is still a member, with what the e-mail needs. */
export interface DriftDigestRecipient {
  workspaceId: string;
  workspaceName: string;
  userId: string;
  email: string;
  name: string;
  locale: string;
}

/** Every subscriber of every workspace who is still a member of it (a former member gets nothing). */
export async function listDriftDigestRecipients(db: Db): Promise<DriftDigestRecipient[]> {
  const rows = await db.kysely
    .selectFrom("drift_digest_subscribers as s")
    .innerJoin("members as m", (j) =>
      j.onRef("m.workspace_id", "=", "s.workspace_id").onRef("m.user_id", "=", "s.user_id"),
    )
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("workspaces as w", "w.id", "s.workspace_id")
    .select(["s.workspace_id", "w.name as workspace_name", "s.user_id", "u.email", "u.name", "u.locale"])
    .orderBy("s.workspace_id")
    .orderBy("s.user_id")
    .execute();
  return rows.map((r) => ({
    workspaceId: r.workspace_id,
    workspaceName: r.workspace_name,
    userId: r.user_id,
    email: r.email,
    name: r.name,
    locale: r.locale,
  }));
}

/**
 * Claims this week's digest for the member: true when it had not gone out yet (and is now marked sent), false when it
 * had. One UPDATE, so two server instances running the schedule at once send it once.
 */
export async function claimDriftDigest(db: Db, workspaceId: string, userId: string, week: string): Promise<boolean> {
  const result = await db.kysely
    .updateTable("drift_digest_subscribers")
    .set({ last_sent_week: week })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("last_sent_week", "is", null), eb("last_sent_week", "<>", week)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
