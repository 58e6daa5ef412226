import { newId } from "@opencjm/core";
import type { Kysely, Transaction } from "kysely";
import type { Db } from "../db/createDb.js";
import type { Database } from "../db/schema.js";
import type { ResearchRecords } from "../mapExport/researchRecords.js";

/** Reads a workspace's research tables for a backup, without the workspace id. */
export async function readResearchRecords(db: Db, workspaceId: string): Promise<ResearchRecords> {
  const k = db.kysely;
  const rows = async <T extends keyof Database>(table: T) =>
    (await k
      .selectFrom(table as "research_studies")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .execute()) as unknown as Array<Record<string, unknown>>;
  const strip = (list: Array<Record<string, unknown>>) => list.map(({ workspace_id: _workspaceId, ...rest }) => rest);
  return {
    studies: strip(await rows("research_studies")),
    participants: strip(await rows("research_participants")),
    notes: strip(await rows("research_notes")),
    highlights: strip(await rows("research_highlights")).map((h) => ({
      ...h,
      sentiment: Number(h.sentiment),
      sentiment_auto: Number(h.sentiment_auto),
    })),
    highlightTags: strip(await rows("research_highlight_tags")),
    highlightAnchors: strip(await rows("research_highlight_anchors")),
    journeySteps: strip(await rows("research_journey_steps")).map((j) => ({
      ...j,
      position: Number(j.position),
      emotion: Number(j.emotion),
    })),
    // An upload never mapped is staging: its raw rows (identifiers included) stay out of backups.
    surveys: strip((await rows("research_surveys")).filter((survey) => survey.status === "imported")),
    surveyAnswers: strip(await rows("research_survey_answers")).map((a) => ({
      ...a,
      respondent: Number(a.respondent),
      column_index: Number(a.column_index),
      customer_id: a.customer_id === null ? null : Number(a.customer_id),
      value: a.value === null ? null : Number(a.value),
      sentiment: a.sentiment === null ? null : Number(a.sentiment),
    })),
  } as ResearchRecords;
}

/** How ids of other things change on restore (the identity when ids are kept). */
export interface ResearchIdMapping {
  newIds: boolean;
  persona: (id: string) => string;
  map: (id: string) => string;
  idea: (id: string) => string;
}

/** Writes a backup's research into a workspace, inside the restore's transaction; returns how many studies. */
export async function writeResearchRecords(
  trx: Kysely<Database> | Transaction<Database>,
  workspaceId: string,
  records: ResearchRecords,
  ids: ResearchIdMapping,
): Promise<number> {
  const fresh = (prefix: string, list: Array<{ id: string }>) =>
    new Map(list.map((r) => [r.id, ids.newIds ? newId(prefix) : r.id]));
  const studies = fresh("std_", records.studies);
  const participants = fresh("prt_", records.participants);
  const notes = fresh("nte_", records.notes);
  const highlights = fresh("hlt_", records.highlights);
  const via = (m: Map<string, string>) => (id: string) => m.get(id) ?? id;
  const orNull = (f: (id: string) => string) => (id: string | null) => (id === null ? null : f(id));
  const list = (json: string, f: (id: string) => string) => JSON.stringify((JSON.parse(json) as string[]).map(f));
  const insert = async (table: keyof Database, values: Array<Record<string, unknown>>) => {
    for (let i = 0; i < values.length; i += 200)
      await trx
        .insertInto(table as "research_studies")
        .values(values.slice(i, i + 200) as never)
        .execute();
  };
  await insert(
    "research_studies",
    records.studies.map((s) => ({
      ...s,
      id: via(studies)(s.id),
      workspace_id: workspaceId,
      persona_ids: list(s.persona_ids, ids.persona),
      map_ids: list(s.map_ids, ids.map),
    })),
  );
  await insert(
    "research_participants",
    records.participants.map((p) => ({
      ...p,
      id: via(participants)(p.id),
      workspace_id: workspaceId,
      study_id: via(studies)(p.study_id),
      persona_id: orNull(ids.persona)(p.persona_id),
    })),
  );
  await insert(
    "research_notes",
    records.notes.map((n) => ({
      ...n,
      id: via(notes)(n.id),
      workspace_id: workspaceId,
      study_id: via(studies)(n.study_id),
      participant_id: orNull(via(participants))(n.participant_id),
    })),
  );
  await insert(
    "research_highlights",
    records.highlights.map((h) => ({
      ...h,
      id: via(highlights)(h.id),
      workspace_id: workspaceId,
      study_id: via(studies)(h.study_id),
      note_id: via(notes)(h.note_id),
      participant_id: orNull(via(participants))(h.participant_id),
    })),
  );
  await insert(
    "research_highlight_tags",
    records.highlightTags.map((t) => ({
      ...t,
      highlight_id: via(highlights)(t.highlight_id),
      workspace_id: workspaceId,
    })),
  );
  await insert(
    "research_highlight_anchors",
    records.highlightAnchors.map((a) => ({
      ...a,
      highlight_id: via(highlights)(a.highlight_id),
      workspace_id: workspaceId,
      map_id: orNull(ids.map)(a.map_id),
      idea_id: orNull(ids.idea)(a.idea_id),
    })),
  );
  await insert(
    "research_journey_steps",
    records.journeySteps.map((j) => ({
      ...j,
      workspace_id: workspaceId,
      participant_id: via(participants)(j.participant_id),
      map_id: ids.map(j.map_id),
    })),
  );
  const surveys = fresh("srv_", records.surveys);
  await insert(
    "research_surveys",
    records.surveys.map((v) => ({
      ...v,
      id: via(surveys)(v.id),
      workspace_id: workspaceId,
      study_id: via(studies)(v.study_id),
    })),
  );
  await insert(
    "research_survey_answers",
    records.surveyAnswers.map((a) => ({
      ...a,
      workspace_id: workspaceId,
      survey_id: via(surveys)(a.survey_id),
      participant_id: orNull(via(participants))(a.participant_id),
      map_id: orNull(ids.map)(a.map_id),
    })),
  );
  return records.studies.length;
}
