import type { NoteSearchHit } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { pageNotesForSearch, type NoteSearch } from "../store/researchNoteSearchStore.js";
import { foldSearchText, foldWithOrigins } from "./foldSearchText.js";

/** Characters of context shown on each side of a match. */
const CONTEXT = 80;

/** The first match of any term in a note's text, with the words around it, cut at spaces where it can be. */
function snippetOf(text: string, terms: string[]): Pick<NoteSearchHit, "start" | "end" | "snippet"> | undefined {
  const { folded, origins } = foldWithOrigins(text);
  const first = terms
    .map((term) => ({ at: folded.indexOf(term), length: term.length }))
    .filter((m) => m.at >= 0)
    .sort((x, y) => x.at - y.at)[0];
  if (!first) return undefined;
  const start = origins[first.at]!;
  const end = origins[first.at + first.length] ?? text.length;
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  const space = text.lastIndexOf(" ", start);
  if (from > 0 && space > from) from = space + 1;
  const after = text.indexOf(" ", end);
  if (to < text.length && after >= 0 && after < to) to = after;
  return {
    start,
    end,
    snippet: { text: text.slice(from, to), matchStart: start - from, matchEnd: end - from },
  };
}

/**
 * Full-text search of the workspace's notes and transcripts: every term must occur in the note's text (folded the
 * same way as highlights, so it works in all five scripts). Notes are read page by page, newest first; the filters
 * narrow them in the database first. Returns at most `limit` notes and how many match in all.
 */
export async function searchNotes(
  db: Db,
  workspaceId: string,
  terms: string[],
  search: NoteSearch,
  limit: number,
): Promise<{ notes: Array<Omit<NoteSearchHit, "studyTitle">>; total: number }> {
  const notes: Array<Omit<NoteSearchHit, "studyTitle">> = [];
  let total = 0;
  if (terms.length === 0) return { notes, total };
  for await (const page of pageNotesForSearch(db, workspaceId, search)) {
    for (const note of page) {
      const folded = foldSearchText(note.text);
      if (!terms.every((term) => folded.includes(term))) continue;
      total++;
      if (notes.length >= limit) continue;
      const found = snippetOf(note.text, terms);
      if (found)
        notes.push({
          noteId: note.id,
          title: note.title,
          studyId: note.studyId,
          participantId: note.participantId,
          participantCode: note.participantCode,
          ...found,
        });
    }
  }
  return { notes, total };
}
