import { analyzeSentiment } from "@opencjm/analytics";
import { newId, type Highlight, type HighlightCreate, type HighlightUpdate } from "@opencjm/core";
import { DomainError, fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import {
  getHighlight,
  insertHighlight,
  updateHighlightFields,
  type HighlightFields,
  type StoredHighlight,
} from "../store/highlightStore.js";
import { getNote } from "../store/researchNoteStore.js";
import { getParticipant } from "../store/researchParticipantStore.js";
import { foldSearchText } from "./foldSearchText.js";
import { presentHighlight, resolveHighlightAnchors, ResearchLookup } from "./highlightAnchorResolver.js";

const searchTextOf = (text: string, insight: string, tags: string[]) =>
  foldSearchText([text, insight, ...tags].join("\n"));

/** A participant of the note's study (or null): the participant a highlight is attributed to. */
async function checkParticipant(
  services: Services,
  workspaceId: string,
  studyId: string,
  participantId: string | null,
): Promise<void> {
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

/**
 * Highlights a span of a note as a quote or insight: the span must lie inside the note's text; the participant is
 * the note's unless another of the study is named; sentiment is the engine's multilingual reading of the words
 * unless one is given; anchors must exist when anchored.
 */
export async function createHighlight(
  services: Services,
  workspaceId: string,
  userId: string,
  input: HighlightCreate,
): Promise<Highlight> {
  const note = await getNote(services.db, workspaceId, input.noteId).catch(() => {
    throw fieldError("noteId", `no note "${input.noteId}" in this workspace`, { detail: "unknown note" });
  });
  if (input.end <= input.start || input.end > note.text.length)
    throw new DomainError({
      kind: "invalid",
      code: "highlight_span_outside",
      message: `the span ${input.start}–${input.end} is not inside the note's ${note.text.length} characters`,
      field: "end",
    });
  const text = note.text.slice(input.start, input.end);
  if (text.trim() === "") throw fieldError("start", "the span holds no words", { code: "highlight_span_empty" });
  const participantId = input.participantId !== undefined ? input.participantId : note.participantId;
  await checkParticipant(services, workspaceId, note.studyId, participantId);
  const lookup = new ResearchLookup(services, workspaceId);
  const anchors = await resolveHighlightAnchors(lookup, input.anchors);
  const reading = analyzeSentiment(text);
  const id = newId("hlt_");
  const fields: HighlightFields = {
    participantId,
    kind: input.kind,
    insight: input.insight,
    tags: input.tags,
    sentiment: input.sentiment ?? reading.score,
    sentimentEdited: input.sentiment !== undefined,
    anchors,
    searchText: searchTextOf(text, input.insight, input.tags),
  };
  await insertHighlight(
    services.db,
    {
      id,
      workspaceId,
      studyId: note.studyId,
      noteId: note.id,
      start: input.start,
      end: input.end,
      text,
      sentimentAuto: reading.score,
      language: reading.language,
      createdBy: userId,
      at: new Date().toISOString(),
    },
    fields,
  );
  return presentHighlight(lookup, await getHighlight(services.db, workspaceId, id));
}

/** Changes the fields sent of a highlight; `sentiment: null` returns to the engine's reading. */
export async function updateHighlight(
  services: Services,
  workspaceId: string,
  highlightId: string,
  patch: HighlightUpdate,
): Promise<Highlight> {
  const current: StoredHighlight = await getHighlight(services.db, workspaceId, highlightId);
  const participantId = patch.participantId !== undefined ? patch.participantId : current.participantId;
  if (participantId !== current.participantId)
    await checkParticipant(services, workspaceId, current.studyId, participantId);
  const lookup = new ResearchLookup(services, workspaceId);
  const anchors =
    patch.anchors !== undefined
      ? await resolveHighlightAnchors(lookup, patch.anchors, current.anchors)
      : current.anchors;
  const insight = patch.insight ?? current.insight;
  const tags = patch.tags ?? current.tags;
  const sentimentEdited = patch.sentiment === undefined ? current.sentimentEdited : patch.sentiment !== null;
  const sentiment = patch.sentiment === undefined ? current.sentiment : (patch.sentiment ?? current.sentimentAuto);
  await updateHighlightFields(
    services.db,
    current,
    {
      participantId,
      kind: patch.kind ?? current.kind,
      insight,
      tags,
      sentiment,
      sentimentEdited,
      anchors,
      searchText: searchTextOf(current.text, insight, tags),
    },
    new Date().toISOString(),
  );
  return presentHighlight(lookup, await getHighlight(services.db, workspaceId, highlightId));
}
