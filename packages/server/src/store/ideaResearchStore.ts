import type { Db } from "../db/createDb.js";

/** One anchor of a highlight, with the participant and note the highlight comes from. */
export interface IdeaHighlightAnchor {
  highlightId: string;
  kind: string;
  mapId: string | null;
  stepId: string | null;
  stageId: string | null;
  cardId: string | null;
  ideaId: string | null;
  participantId: string | null;
  noteId: string;
}

/**
 * The anchors of the highlights that may be evidence for an idea: those anchored to the idea itself and every anchor
 * on the given maps (the caller decides which lead to the idea's steps, as the maps are now).
 */
export async function listIdeaHighlightAnchors(
  db: Db,
  workspaceId: string,
  ideaId: string,
  mapIds: readonly string[],
): Promise<IdeaHighlightAnchor[]> {
  const rows = await db.kysely
    .selectFrom("research_highlight_anchors as a")
    .innerJoin("research_highlights as h", "h.id", "a.highlight_id")
    .select([
      "a.highlight_id",
      "a.kind",
      "a.map_id",
      "a.step_id",
      "a.stage_id",
      "a.card_id",
      "a.idea_id",
      "h.participant_id",
      "h.note_id",
    ])
    .where("a.workspace_id", "=", workspaceId)
    .where((eb) =>
      mapIds.length > 0
        ? eb.or([eb("a.idea_id", "=", ideaId), eb("a.map_id", "in", mapIds)])
        : eb("a.idea_id", "=", ideaId),
    )
    .execute();
  return rows.map((r) => ({
    highlightId: r.highlight_id,
    kind: r.kind,
    mapId: r.map_id,
    stepId: r.step_id,
    stageId: r.stage_id,
    cardId: r.card_id,
    ideaId: r.idea_id,
    participantId: r.participant_id,
    noteId: r.note_id,
  }));
}
