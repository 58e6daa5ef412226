import type { Study, StudyCreate, StudyMethod } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { ResearchStudiesTable } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";
import type { Selectable } from "kysely";

/** The fields of a study a caller sets. */
export type StudyFields = StudyCreate;

type StudyRow = Selectable<ResearchStudiesTable>;
const json = (value: unknown): string => JSON.stringify(value);

async function countsOf(db: Db, studyIds: string[]) {
  const counts = new Map<string, { participants: number; notes: number; highlights: number }>();
  for (const id of studyIds) counts.set(id, { participants: 0, notes: 0, highlights: 0 });
  if (studyIds.length === 0) return counts;
  const tally = async (
    table: "research_participants" | "research_notes" | "research_highlights",
    key: "participants" | "notes" | "highlights",
  ) => {
    const rows = await db.kysely
      .selectFrom(table)
      .select((eb) => ["study_id", eb.fn.countAll<string | number>().as("n")])
      .where("study_id", "in", studyIds)
      .groupBy("study_id")
      .execute();
    for (const row of rows) counts.get(row.study_id)![key] = Number(row.n);
  };
  await tally("research_participants", "participants");
  await tally("research_notes", "notes");
  await tally("research_highlights", "highlights");
  return counts;
}

async function present(db: Db, rows: StudyRow[]): Promise<Study[]> {
  const counts = await countsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const count = counts.get(row.id)!;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      title: row.title,
      method: row.method as StudyMethod,
      goal: row.goal,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      personaIds: JSON.parse(row.persona_ids) as string[],
      segment: row.segment,
      mapIds: JSON.parse(row.map_ids) as string[],
      participantCount: count.participants,
      noteCount: count.notes,
      highlightCount: count.highlights,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

/** Stores a new study. */
export async function insertStudy(
  db: Db,
  study: { id: string; workspaceId: string; createdBy: string; at: string },
  fields: StudyFields,
): Promise<void> {
  await db.kysely
    .insertInto("research_studies")
    .values({
      id: study.id,
      workspace_id: study.workspaceId,
      title: fields.title,
      method: fields.method,
      goal: fields.goal,
      starts_on: fields.startsOn,
      ends_on: fields.endsOn,
      persona_ids: json(fields.personaIds),
      segment: fields.segment,
      map_ids: json(fields.mapIds),
      created_by: study.createdBy,
      created_at: study.at,
      updated_at: study.at,
    })
    .execute();
}

/** Replaces a study's fields. */
export async function updateStudyFields(db: Db, studyId: string, fields: StudyFields, at: string): Promise<void> {
  await db.kysely
    .updateTable("research_studies")
    .set({
      title: fields.title,
      method: fields.method,
      goal: fields.goal,
      starts_on: fields.startsOn,
      ends_on: fields.endsOn,
      persona_ids: json(fields.personaIds),
      segment: fields.segment,
      map_ids: json(fields.mapIds),
      updated_at: at,
    })
    .where("id", "=", studyId)
    .execute();
}

/** A study of the workspace with its counts; not found when it is in another workspace or gone. */
export async function getStudy(db: Db, workspaceId: string, studyId: string): Promise<Study> {
  const row = await db.kysely
    .selectFrom("research_studies")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", studyId)
    .executeTakeFirst();
  if (!row) throw notFound("study");
  return (await present(db, [row]))[0]!;
}

/** Every study of the workspace, newest first. */
export async function listStudies(db: Db, workspaceId: string): Promise<Study[]> {
  const rows = await db.kysely
    .selectFrom("research_studies")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return present(db, rows);
}
