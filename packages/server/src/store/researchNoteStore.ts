import type { Note, NoteFormat, NoteSummary, TranscriptSegment } from "@opencjm/core";
import type { Selectable } from "kysely";
import type { Db } from "../db/createDb.js";
import type { ResearchNotesTable } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";

/** A note as written: where it belongs, what it says and where the text came from. */
export interface NewNote {
  id: string;
  workspaceId: string;
  studyId: string;
  participantId: string | null;
  title: string;
  format: NoteFormat;
  fileName: string | null;
  charset: string | null;
  text: string;
  segments: TranscriptSegment[];
  createdBy: string;
  at: string;
}

type NoteRow = Selectable<ResearchNotesTable>;

/** Stores a new note whole (one statement: a refused upload leaves nothing behind). */
export async function insertNote(db: Db, note: NewNote): Promise<void> {
  await db.kysely
    .insertInto("research_notes")
    .values({
      id: note.id,
      workspace_id: note.workspaceId,
      study_id: note.studyId,
      participant_id: note.participantId,
      title: note.title,
      format: note.format,
      file_name: note.fileName,
      charset: note.charset,
      text: note.text,
      segments: JSON.stringify(note.segments),
      created_by: note.createdBy,
      created_at: note.at,
      updated_at: note.at,
    })
    .execute();
}

/** Changes a note's title, participant or text. */
export async function updateNote(
  db: Db,
  noteId: string,
  change: { title: string; participantId: string | null; text: string },
  at: string,
): Promise<void> {
  await db.kysely
    .updateTable("research_notes")
    .set({ title: change.title, participant_id: change.participantId, text: change.text, updated_at: at })
    .where("id", "=", noteId)
    .execute();
}

async function highlightCounts(db: Db, noteIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (noteIds.length === 0) return counts;
  for (const row of await db.kysely
    .selectFrom("research_highlights")
    .select((eb) => ["note_id", eb.fn.countAll<string | number>().as("n")])
    .where("note_id", "in", noteIds)
    .groupBy("note_id")
    .execute())
    counts.set(row.note_id, Number(row.n));
  return counts;
}

function summaryOf(row: Omit<NoteRow, "text" | "segments"> & { length: number }, highlights: number): NoteSummary {
  return {
    id: row.id,
    studyId: row.study_id,
    participantId: row.participant_id,
    title: row.title,
    format: row.format as NoteFormat,
    fileName: row.file_name,
    charset: row.charset,
    length: row.length,
    highlightCount: highlights,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A note of the workspace with its text; not found when in another workspace or deleted. */
export async function getNote(db: Db, workspaceId: string, noteId: string): Promise<Note> {
  const row = await db.kysely
    .selectFrom("research_notes")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", noteId)
    .executeTakeFirst();
  if (!row) throw notFound("note");
  const counts = await highlightCounts(db, [row.id]);
  return {
    ...summaryOf({ ...row, length: row.text.length }, counts.get(row.id) ?? 0),
    text: row.text,
    segments: JSON.parse(row.segments) as TranscriptSegment[],
  };
}

/** The workspace's notes without their text, of a study or participant when given, newest first. */
export async function listNotes(
  db: Db,
  workspaceId: string,
  filter: { studyId?: string; participantId?: string },
): Promise<NoteSummary[]> {
  let query = db.kysely
    .selectFrom("research_notes")
    .select([
      "id",
      "workspace_id",
      "study_id",
      "participant_id",
      "title",
      "format",
      "file_name",
      "charset",
      "created_by",
      "created_at",
      "updated_at",
    ])
    .select((eb) => eb.fn<number>("length", ["text"]).as("length"))
    .where("workspace_id", "=", workspaceId);
  if (filter.studyId) query = query.where("study_id", "=", filter.studyId);
  if (filter.participantId) query = query.where("participant_id", "=", filter.participantId);
  const rows = await query.orderBy("created_at", "desc").orderBy("id").execute();
  const counts = await highlightCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => summaryOf({ ...row, length: Number(row.length) }, counts.get(row.id) ?? 0));
}
