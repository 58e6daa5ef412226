import type { TranscriptSegment } from "@opencjm/core";
import type { Kysely } from "kysely";
import { overlapsRemoved, shiftedPosition, withoutSpeakerTurns } from "../commands/researchSpeakerTurns.js";
import type { Database } from "../db/schema.js";

/** What cutting participants' turns from shared notes did: the turns cut and the highlights that were in them. */
export interface TurnsErased {
  turns: number;
  /** Highlights whose words were in a cut turn (deleted with it); other highlights of the note were moved. */
  highlightIds: string[];
}

/**
 * Cuts the turns of the given participants from their studies' shared notes (those without an owner: a focus group's
 * transcript, typed group notes), inside the caller's transaction. Highlights in a cut turn are deleted; the other
 * highlights of the note keep pointing at their words.
 */
export async function eraseSpeakerTurns(
  trx: Kysely<Database>,
  workspaceId: string,
  participantIds: string[],
): Promise<TurnsErased> {
  const erased: TurnsErased = { turns: 0, highlightIds: [] };
  if (participantIds.length === 0) return erased;
  const participants = await trx
    .selectFrom("research_participants")
    .select(["id", "study_id", "code"])
    .where("workspace_id", "=", workspaceId)
    .where("study_id", "in", (q) =>
      q.selectFrom("research_participants").select("study_id").where("id", "in", participantIds),
    )
    .execute();
  const now = new Date().toISOString();
  for (const studyId of new Set(participants.map((p) => p.study_id))) {
    const codes = participants.filter((p) => p.study_id === studyId).map((p) => p.code);
    const gone = participants.filter((p) => p.study_id === studyId && participantIds.includes(p.id));
    const notes = await trx
      .selectFrom("research_notes")
      .select(["id", "text", "segments"])
      .where("workspace_id", "=", workspaceId)
      .where("study_id", "=", studyId)
      .where("participant_id", "is", null)
      .execute();
    for (const note of notes) {
      let text = note.text;
      let segments = JSON.parse(note.segments) as TranscriptSegment[];
      const highlights = await trx
        .selectFrom("research_highlights")
        .select(["id", "start_offset", "end_offset"])
        .where("note_id", "=", note.id)
        .execute();
      const from = new Map(highlights.map((h) => [h.id, [h.start_offset, h.end_offset]]));
      let spans = highlights.map((h) => ({ id: h.id, start: h.start_offset, end: h.end_offset, cut: false }));
      let turns = 0;
      for (const participant of gone) {
        const cut = withoutSpeakerTurns(text, segments, participant.code, codes);
        if (cut.turns === 0) continue;
        turns += cut.turns;
        ({ text, segments } = cut);
        spans = spans.map((s) =>
          s.cut || overlapsRemoved(cut.removed, s.start, s.end)
            ? { ...s, cut: true }
            : { ...s, start: shiftedPosition(cut.removed, s.start), end: shiftedPosition(cut.removed, s.end) },
        );
      }
      if (turns === 0) continue;
      erased.turns += turns;
      await trx
        .updateTable("research_notes")
        .set({ text, segments: JSON.stringify(segments), updated_at: now })
        .where("id", "=", note.id)
        .execute();
      for (const span of spans) {
        if (span.cut) erased.highlightIds.push(span.id);
        else if (from.get(span.id)?.[0] !== span.start || from.get(span.id)?.[1] !== span.end)
          await trx
            .updateTable("research_highlights")
            .set({ start_offset: span.start, end_offset: span.end })
            .where("id", "=", span.id)
            .execute();
      }
    }
  }
  return erased;
}
