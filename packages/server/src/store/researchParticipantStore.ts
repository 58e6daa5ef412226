import type { Participant, ParticipantCreate } from "@opencjm/core";
import type { Selectable } from "kysely";
import type { Db } from "../db/createDb.js";
import type { ResearchParticipantsTable } from "../db/schema.js";
import { conflict, notFound } from "../errors/DomainError.js";

/** The fields of a participant a caller sets (the study is fixed at creation). */
export type ParticipantFields = Omit<ParticipantCreate, "studyId">;

type ParticipantRow = Selectable<ResearchParticipantsTable>;

function columnsOf(fields: ParticipantFields) {
  return {
    code: fields.code,
    attributes: JSON.stringify(fields.attributes),
    persona_id: fields.personaId,
    segment: fields.segment,
    consent_given: fields.consent.given ? 1 : 0,
    consent_recorded_on: fields.consent.recordedOn,
    consent_note: fields.consent.note,
    personal_name: fields.personal.name,
    personal_email: fields.personal.email,
    personal_phone: fields.personal.phone,
    personal_notes: fields.personal.notes,
  };
}

/** The fields of a stored participant, to merge a partial update into. */
export function participantFieldsOf(p: Participant): ParticipantFields {
  return {
    code: p.code,
    attributes: p.attributes,
    personaId: p.personaId,
    segment: p.segment,
    consent: p.consent,
    personal: p.personal,
  };
}

async function codeTaken(db: Db, studyId: string, code: string, exceptId: string | null): Promise<boolean> {
  let query = db.kysely
    .selectFrom("research_participants")
    .select("id")
    .where("study_id", "=", studyId)
    .where("code", "=", code);
  if (exceptId) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const takenError = (code: string) =>
  conflict("participant_code_taken", `the study already has a participant "${code}"`);

/** Stores a new participant; a code the study already uses is refused. */
export async function insertParticipant(
  db: Db,
  participant: { id: string; workspaceId: string; studyId: string; at: string },
  fields: ParticipantFields,
): Promise<void> {
  if (await codeTaken(db, participant.studyId, fields.code, null)) throw takenError(fields.code);
  await db.kysely
    .insertInto("research_participants")
    .values({
      id: participant.id,
      workspace_id: participant.workspaceId,
      study_id: participant.studyId,
      ...columnsOf(fields),
      created_at: participant.at,
      updated_at: participant.at,
    })
    .execute();
}

/** Replaces a participant's fields; a code another participant of the study has is refused. */
export async function updateParticipantFields(
  db: Db,
  participant: Participant,
  fields: ParticipantFields,
  at: string,
): Promise<void> {
  if (await codeTaken(db, participant.studyId, fields.code, participant.id)) throw takenError(fields.code);
  await db.kysely
    .updateTable("research_participants")
    .set({ ...columnsOf(fields), updated_at: at })
    .where("id", "=", participant.id)
    .execute();
}

async function present(db: Db, rows: ParticipantRow[]): Promise<Participant[]> {
  const ids = rows.map((r) => r.id);
  const notes = new Map<string, number>();
  const highlights = new Map<string, number>();
  if (ids.length > 0) {
    for (const row of await db.kysely
      .selectFrom("research_notes")
      .select((eb) => ["participant_id", eb.fn.countAll<string | number>().as("n")])
      .where("participant_id", "in", ids)
      .groupBy("participant_id")
      .execute())
      notes.set(row.participant_id!, Number(row.n));
    for (const row of await db.kysely
      .selectFrom("research_highlights")
      .select((eb) => ["participant_id", eb.fn.countAll<string | number>().as("n")])
      .where("participant_id", "in", ids)
      .groupBy("participant_id")
      .execute())
      highlights.set(row.participant_id!, Number(row.n));
  }
  return rows.map((row) => ({
    id: row.id,
    studyId: row.study_id,
    code: row.code,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    personaId: row.persona_id,
    segment: row.segment,
    consent: { given: row.consent_given === 1, recordedOn: row.consent_recorded_on, note: row.consent_note },
    personal: {
      name: row.personal_name,
      email: row.personal_email,
      phone: row.personal_phone,
      notes: row.personal_notes,
    },
    personalHidden: false,
    noteCount: notes.get(row.id) ?? 0,
    highlightCount: highlights.get(row.id) ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** A participant of the workspace; not found when in another workspace or erased. */
export async function getParticipant(db: Db, workspaceId: string, participantId: string): Promise<Participant> {
  const row = await db.kysely
    .selectFrom("research_participants")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", participantId)
    .executeTakeFirst();
  if (!row) throw notFound("participant");
  return (await present(db, [row]))[0]!;
}

/** The workspace's participants, of one study when given, by code. */
export async function listParticipants(db: Db, workspaceId: string, studyId?: string): Promise<Participant[]> {
  let query = db.kysely.selectFrom("research_participants").selectAll().where("workspace_id", "=", workspaceId);
  if (studyId) query = query.where("study_id", "=", studyId);
  return present(db, await query.orderBy("code").orderBy("id").execute());
}
