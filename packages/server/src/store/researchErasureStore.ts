import type { Kysely } from "kysely";
import type { Db } from "../db/createDb.js";
import type { Database } from "../db/schema.js";
import { eraseSpeakerTurns } from "./researchTurnErasure.js";

/** What one erasure deleted from the research tables: the ids, so derived quotes elsewhere can be found too. */
export interface ErasedResearch {
  participantIds: string[];
  noteIds: string[];
  highlightIds: string[];
  /** Participants' own journeys (one per participant and map) that went with them. */
  journeys: number;
  /** Survey answers of the erased participants, or of the erased study's surveys. */
  surveyAnswers: number;
  /** The erased participants' speaker turns cut from their studies' shared notes. */
  transcriptTurns: number;
}

/** What to erase: one participant with everything of theirs, a whole study, or one note with its highlights. */
export type ErasureScope = { participantId: string } | { studyId: string } | { noteId: string };

const uniq = (ids: string[]) => [...new Set(ids)];

/**
 * Deletes every answer of the respondents who are the erased participants: rows linked to them by code, or joined to
 * a customer they are (through their e-mail or customer id). A respondent's whole row goes, in any survey.
 */
async function eraseRespondents(
  trx: Kysely<Database>,
  workspaceId: string,
  participantIds: string[],
  customerIds: number[],
): Promise<number> {
  if (participantIds.length === 0 && customerIds.length === 0) return 0;
  const rows = await trx
    .selectFrom("research_survey_answers")
    .select(["survey_id", "respondent"])
    .distinct()
    .where("workspace_id", "=", workspaceId)
    .where((eb) =>
      eb.or([
        ...(participantIds.length > 0 ? [eb("participant_id", "in", participantIds)] : []),
        ...(customerIds.length > 0 ? [eb("customer_id", "in", customerIds)] : []),
      ]),
    )
    .execute();
  let deleted = 0;
  for (const surveyId of new Set(rows.map((r) => r.survey_id))) {
    const respondents = rows.filter((r) => r.survey_id === surveyId).map((r) => Number(r.respondent));
    for (let i = 0; i < respondents.length; i += 500) {
      const result = await trx
        .deleteFrom("research_survey_answers")
        .where("workspace_id", "=", workspaceId)
        .where("survey_id", "=", surveyId)
        .where("respondent", "in", respondents.slice(i, i + 500))
        .executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
  }
  return deleted;
}

/**
 * Deletes, in one transaction, a participant (their notes, the highlights in those notes and every highlight
 * attributed to them in other notes, e.g. a focus group's), a study (its participants, notes and highlights) or a
 * note (its highlights), and returns the ids of everything deleted. Tags and anchors go with their highlights,
 * participants' journeys with them.
 */
export async function eraseResearch(
  db: Db,
  workspaceId: string,
  scope: ErasureScope,
  /** Customers the erased participants are (found through their e-mail or customer id): their answers go too. */
  customerIds: number[] = [],
): Promise<ErasedResearch> {
  return db.kysely.transaction().execute(async (trx) => {
    const ids = async (
      table: "research_participants" | "research_notes" | "research_highlights",
      column: "id" | "study_id" | "participant_id" | "note_id",
      values: string[],
    ): Promise<string[]> => {
      if (values.length === 0) return [];
      const rows = await trx
        .selectFrom(table)
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .where(column, "in", values)
        .execute();
      return rows.map((r) => r.id);
    };
    let participantIds: string[] = [];
    let noteIds: string[] = [];
    let highlightIds: string[] = [];
    if ("participantId" in scope) {
      participantIds = await ids("research_participants", "id", [scope.participantId]);
      noteIds = await ids("research_notes", "participant_id", participantIds);
      highlightIds = [
        ...(await ids("research_highlights", "participant_id", participantIds)),
        ...(await ids("research_highlights", "note_id", noteIds)),
      ];
    } else if ("studyId" in scope) {
      participantIds = await ids("research_participants", "study_id", [scope.studyId]);
      noteIds = await ids("research_notes", "study_id", [scope.studyId]);
      highlightIds = await ids("research_highlights", "study_id", [scope.studyId]);
    } else {
      noteIds = await ids("research_notes", "id", [scope.noteId]);
      highlightIds = await ids("research_highlights", "note_id", noteIds);
    }
    // Their turns in the study's shared notes (a focus group's transcript) go, with the highlights made of them.
    const turns = "participantId" in scope ? await eraseSpeakerTurns(trx, workspaceId, participantIds) : undefined;
    highlightIds = uniq([...highlightIds, ...(turns?.highlightIds ?? [])]);
    for (let i = 0; i < highlightIds.length; i += 500)
      await trx
        .deleteFrom("research_highlights")
        .where("id", "in", highlightIds.slice(i, i + 500))
        .execute();
    // Their journeys go too (the foreign key would cascade; deleting them here counts them for the report).
    let journeys = 0;
    if (participantIds.length > 0) {
      const entered = await trx
        .selectFrom("research_journey_steps")
        .select(["participant_id", "map_id"])
        .distinct()
        .where("workspace_id", "=", workspaceId)
        .where("participant_id", "in", participantIds)
        .execute();
      journeys = entered.length;
      await trx
        .deleteFrom("research_journey_steps")
        .where("workspace_id", "=", workspaceId)
        .where("participant_id", "in", participantIds)
        .execute();
    }
    // Survey answers too (a participant's would cascade, a study's with its surveys): deleted here to be counted.
    let surveyAnswers = 0;
    if ("studyId" in scope) {
      const deleted = await trx
        .deleteFrom("research_survey_answers")
        .where("workspace_id", "=", workspaceId)
        .where("survey_id", "in", (q) =>
          q.selectFrom("research_surveys").select("id").where("study_id", "=", scope.studyId),
        )
        .executeTakeFirst();
      surveyAnswers += Number(deleted.numDeletedRows);
    }
    surveyAnswers += await eraseRespondents(trx, workspaceId, participantIds, customerIds);
    if (noteIds.length > 0) await trx.deleteFrom("research_notes").where("id", "in", noteIds).execute();
    if (participantIds.length > 0)
      await trx.deleteFrom("research_participants").where("id", "in", participantIds).execute();
    if ("studyId" in scope)
      await trx
        .deleteFrom("research_studies")
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", scope.studyId)
        .execute();
    return {
      participantIds,
      noteIds,
      highlightIds,
      journeys,
      surveyAnswers,
      transcriptTurns: turns?.turns ?? 0,
    };
  });
}
