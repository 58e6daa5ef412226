import type { Db } from "../db/createDb.js";

/** One step of a participant's entered journey, as stored. */
export interface StoredJourneyStep {
  participantId: string;
  mapId: string;
  position: number;
  stepId: string | null;
  name: string;
  emotion: number;
  note: string;
  updatedAt: string;
}

/** Replaces a participant's whole journey on a map in one transaction (an empty list leaves an empty journey). */
export async function replaceJourney(
  db: Db,
  workspaceId: string,
  participantId: string,
  mapId: string,
  steps: ReadonlyArray<{ stepId: string | null; name: string; emotion: number; note: string }>,
  at: string,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("research_journey_steps")
      .where("workspace_id", "=", workspaceId)
      .where("participant_id", "=", participantId)
      .where("map_id", "=", mapId)
      .execute();
    if (steps.length === 0) return;
    await trx
      .insertInto("research_journey_steps")
      .values(
        steps.map((s, position) => ({
          workspace_id: workspaceId,
          participant_id: participantId,
          map_id: mapId,
          position,
          step_id: s.stepId,
          name: s.name,
          emotion: s.emotion,
          note: s.note,
          updated_at: at,
        })),
      )
      .execute();
  });
}

/** Deletes a participant's entered journey on a map; returns how many steps it had. */
export async function deleteJourney(
  db: Db,
  workspaceId: string,
  participantId: string,
  mapId: string,
): Promise<number> {
  const result = await db.kysely
    .deleteFrom("research_journey_steps")
    .where("workspace_id", "=", workspaceId)
    .where("participant_id", "=", participantId)
    .where("map_id", "=", mapId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The entered journey steps on a map (of one participant when given), by participant and position. */
export async function listJourneySteps(
  db: Db,
  workspaceId: string,
  filter: { mapId: string; participantId?: string },
): Promise<StoredJourneyStep[]> {
  let query = db.kysely
    .selectFrom("research_journey_steps")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("map_id", "=", filter.mapId);
  if (filter.participantId) query = query.where("participant_id", "=", filter.participantId);
  const rows = await query.orderBy("participant_id").orderBy("position").execute();
  return rows.map((r) => ({
    participantId: r.participant_id,
    mapId: r.map_id,
    position: Number(r.position),
    stepId: r.step_id,
    name: r.name,
    emotion: Number(r.emotion),
    note: r.note,
    updatedAt: r.updated_at,
  }));
}

/** Points the given journey steps (participant and position) of a map at one map step; returns how many changed. */
export async function linkJourneySteps(
  db: Db,
  workspaceId: string,
  mapId: string,
  steps: ReadonlyArray<{ participantId: string; position: number }>,
  stepId: string,
): Promise<number> {
  if (steps.length === 0) return 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const s of steps)
      await trx
        .updateTable("research_journey_steps")
        .set({ step_id: stepId })
        .where("workspace_id", "=", workspaceId)
        .where("map_id", "=", mapId)
        .where("participant_id", "=", s.participantId)
        .where("position", "=", s.position)
        .execute();
  });
  return steps.length;
}
