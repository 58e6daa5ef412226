import { newId, type Note, type NoteCreate, type NoteUpdate, type NoteUpload } from "@opencjm/core";
import { conflict, DomainError, fieldError } from "../errors/DomainError.js";
import { readTranscript } from "../researchImport/readTranscript.js";
import type { Services } from "../services.js";
import { getNote, insertNote, updateNote } from "../store/researchNoteStore.js";
import { getParticipant } from "../store/researchParticipantStore.js";
import { getStudy } from "../store/researchStudyStore.js";

/** The study must be the workspace's, and the participant (when given) one of that study. */
async function checkOwner(
  services: Services,
  workspaceId: string,
  studyId: string,
  participantId: string | null,
): Promise<void> {
  await getStudy(services.db, workspaceId, studyId).catch(() => {
    throw fieldError("studyId", `no study "${studyId}" in this workspace`, { detail: "unknown study" });
  });
  if (participantId === null) return;
  const participant = await getParticipant(services.db, workspaceId, participantId).catch(() => {
    throw fieldError("participantId", `no participant "${participantId}" in this workspace`, {
      detail: "unknown participant",
    });
  });
  if (participant.studyId !== studyId)
    throw fieldError("participantId", `participant "${participant.code}" is not in this study`, {
      code: "participant_other_study",
    });
}

/** The first words of a text, as the title of a note that was given none. */
const titleFrom = (text: string) => text.trim().split("\n")[0]!.slice(0, 80).trim() || "Note";

/** Stores a typed or pasted note. */
export async function createTypedNote(
  services: Services,
  workspaceId: string,
  userId: string,
  input: NoteCreate,
): Promise<Note> {
  await checkOwner(services, workspaceId, input.studyId, input.participantId);
  const id = newId("nte_");
  const text = input.text.replace(/\r\n?/g, "\n");
  await insertNote(services.db, {
    id,
    workspaceId,
    studyId: input.studyId,
    participantId: input.participantId,
    title: input.title ?? titleFrom(text),
    format: "typed",
    fileName: null,
    charset: null,
    text,
    segments: [],
    createdBy: userId,
    at: new Date().toISOString(),
  });
  return getNote(services.db, workspaceId, id);
}

function bytesOf(input: NoteUpload): Buffer {
  if (input.encoding === "text") return Buffer.from(input.content, "utf8");
  const compact = input.content.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw new DomainError({
      kind: "invalid",
      code: "transcript_bad_base64",
      message: "content: not valid base64",
      field: "content",
    });
  return Buffer.from(compact, "base64");
}

/**
 * Reads an uploaded transcript and stores it as one note, or refuses it with the reason and stores nothing (the
 * whole file is read and checked before the single insert).
 */
export async function uploadNote(
  services: Services,
  workspaceId: string,
  userId: string,
  input: NoteUpload,
): Promise<Note> {
  await checkOwner(services, workspaceId, input.studyId, input.participantId);
  const transcript = await readTranscript({ file: input.fileName, bytes: bytesOf(input), charset: input.charset });
  const id = newId("nte_");
  await insertNote(services.db, {
    id,
    workspaceId,
    studyId: input.studyId,
    participantId: input.participantId,
    title: input.title ?? input.fileName,
    format: transcript.format,
    fileName: input.fileName,
    charset: transcript.charset,
    text: transcript.text,
    segments: transcript.segments,
    createdBy: userId,
    at: new Date().toISOString(),
  });
  return getNote(services.db, workspaceId, id);
}

/** Renames a note, moves it to another participant of its study, or (typed notes only) changes its text. */
export async function changeNote(
  services: Services,
  workspaceId: string,
  noteId: string,
  patch: NoteUpdate,
): Promise<Note> {
  const note = await getNote(services.db, workspaceId, noteId);
  const participantId = patch.participantId !== undefined ? patch.participantId : note.participantId;
  if (participantId !== note.participantId) await checkOwner(services, workspaceId, note.studyId, participantId);
  if (patch.text !== undefined && note.format !== "typed")
    throw conflict("note_not_typed", "only typed notes can change their text; an uploaded transcript stays as read");
  await updateNote(
    services.db,
    noteId,
    { title: patch.title ?? note.title, participantId, text: patch.text?.replace(/\r\n?/g, "\n") ?? note.text },
    new Date().toISOString(),
  );
  return getNote(services.db, workspaceId, noteId);
}
