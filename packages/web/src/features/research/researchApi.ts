import type {
  ErasureReport,
  Highlight,
  HighlightCreateRequest,
  HighlightUpdate,
  MapResearchQuotePage,
  MapResearchSummary,
  Note,
  NoteCreateRequest,
  NoteSummary,
  NoteUploadRequest,
  Participant,
  ParticipantCreateRequest,
  ParticipantUpdate,
  ResearchSearchQuery,
  ResearchSearchResult,
  Study,
  StudyCreateRequest,
  StudyUpdate,
} from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/research`;
const one = (workspaceId: string, kind: string, id: string) => `${base(workspaceId)}/${kind}/${encodeURIComponent(id)}`;

/** `?a=1&b=2` of the defined values, or nothing. */
function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return params.size > 0 ? `?${params.toString()}` : "";
}

/** The workspace's studies, newest first, with their counts. */
export async function fetchStudies(workspaceId: string): Promise<Study[]> {
  return (await api.get<{ studies: Study[] }>(`${base(workspaceId)}/studies`)).studies;
}

/** One study. */
export function fetchStudy(workspaceId: string, studyId: string): Promise<Study> {
  return api.get<Study>(one(workspaceId, "studies", studyId));
}

/** Creates a study. */
export function createStudy(workspaceId: string, body: StudyCreateRequest): Promise<Study> {
  return api.post<Study>(`${base(workspaceId)}/studies`, body);
}

/** Changes some fields of a study. */
export function updateStudy(workspaceId: string, studyId: string, body: StudyUpdate): Promise<Study> {
  return api.patch<Study>(one(workspaceId, "studies", studyId), body);
}

/** The participants of a study, by code. */
export async function fetchParticipants(workspaceId: string, studyId: string): Promise<Participant[]> {
  const path = `${base(workspaceId)}/participants${queryString({ studyId })}`;
  return (await api.get<{ participants: Participant[] }>(path)).participants;
}

/** Adds a participant to a study. */
export function createParticipant(workspaceId: string, body: ParticipantCreateRequest): Promise<Participant> {
  return api.post<Participant>(`${base(workspaceId)}/participants`, body);
}

/** Changes some fields of a participant. */
export function updateParticipant(
  workspaceId: string,
  participantId: string,
  body: ParticipantUpdate,
): Promise<Participant> {
  return api.patch<Participant>(one(workspaceId, "participants", participantId), body);
}

/** Erases a participant with every trace of them, and says how much went. */
export function eraseParticipant(workspaceId: string, participantId: string): Promise<ErasureReport> {
  return api.delete<ErasureReport>(one(workspaceId, "participants", participantId));
}

/** The notes of a study (without their text), newest first. */
export async function fetchNotes(workspaceId: string, studyId: string): Promise<NoteSummary[]> {
  return (await api.get<{ notes: NoteSummary[] }>(`${base(workspaceId)}/notes${queryString({ studyId })}`)).notes;
}

/** One note with its text. */
export function fetchNote(workspaceId: string, noteId: string): Promise<Note> {
  return api.get<Note>(one(workspaceId, "notes", noteId));
}

/** Stores a typed or pasted note. */
export function createNote(workspaceId: string, body: NoteCreateRequest): Promise<Note> {
  return api.post<Note>(`${base(workspaceId)}/notes`, body);
}

/** Uploads a transcript file as a note. */
export function uploadNote(workspaceId: string, body: NoteUploadRequest): Promise<Note> {
  return api.post<Note>(`${base(workspaceId)}/notes/upload`, body);
}

/** The highlights of one note, in note order. */
export async function fetchNoteHighlights(workspaceId: string, noteId: string): Promise<Highlight[]> {
  const path = `${base(workspaceId)}/highlights${queryString({ noteId })}`;
  return (await api.get<{ highlights: Highlight[] }>(path)).highlights;
}

/** Turns a span of a note into a quote or insight. */
export function createHighlight(workspaceId: string, body: HighlightCreateRequest): Promise<Highlight> {
  return api.post<Highlight>(`${base(workspaceId)}/highlights`, body);
}

/** Changes a highlight. */
export function updateHighlight(workspaceId: string, highlightId: string, body: HighlightUpdate): Promise<Highlight> {
  return api.patch<Highlight>(one(workspaceId, "highlights", highlightId), body);
}

/** Removes a highlight (the note keeps its words). */
export function deleteHighlight(workspaceId: string, highlightId: string): Promise<unknown> {
  return api.delete(one(workspaceId, "highlights", highlightId));
}

/** Highlights across the workspace's studies matching the text and filters. */
export function searchResearch(
  workspaceId: string,
  query: Partial<ResearchSearchQuery>,
): Promise<ResearchSearchResult> {
  return api.get<ResearchSearchResult>(`${base(workspaceId)}/search${queryString({ ...query })}`);
}

/** What opening a map needs of its research: per step counts, participants, sentiment and newest quotes. */
export function fetchMapResearchSummary(workspaceId: string, mapId: string): Promise<MapResearchSummary> {
  return api.get<MapResearchSummary>(`${one(workspaceId, "maps", mapId)}/summary`);
}

/** How many quotes a step's panel loads at a time. */
const STEP_QUOTE_PAGE = 50;

/** One page of a step's quotes, newest first, after the cursor of the page before (none: the first page). */
export function fetchStepQuotePage(
  workspaceId: string,
  mapId: string,
  stepId: string,
  after: string | null,
): Promise<MapResearchQuotePage> {
  const path = `${one(workspaceId, "maps", mapId)}/steps/${encodeURIComponent(stepId)}/quotes`;
  return api.get<MapResearchQuotePage>(`${path}${queryString({ after: after ?? undefined, limit: STEP_QUOTE_PAGE })}`);
}
