import type { HighlightKind, MapResearchQuote } from "@opencjm/core";
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../db/createDb.js";

/**
 * Where the anchors of a map's highlights lead now, as read from the map's body: the steps still on it, each anchored
 * stage's first step and each anchored card's step. Anchors to anything else (deleted content) lead nowhere.
 */
export interface AnchorPlaces {
  steps: readonly string[];
  stageSteps: ReadonlyMap<string, string>;
  cardSteps: ReadonlyMap<string, string>;
}

/** A place highlights are anchored to on a map, with how many highlights name it. */
export interface AnchorCount {
  kind: "step" | "stage" | "touchpoint" | "painPoint";
  id: string;
  highlights: number;
}

/** One step's counts, as the database groups them. */
interface StepCounts {
  stepId: string;
  highlights: number;
  participants: number;
  positive: number;
  neutral: number;
  negative: number;
}

/** Where a page of a step's quotes ends: the last quote's time and id (quotes go newest first). */
export interface QuoteCursor {
  createdAt: string;
  id: string;
}

/** The anchors of a map's highlights, grouped by what they name (a step, stage or card), with their highlight counts. */
export async function countMapAnchors(db: Db, workspaceId: string, mapId: string): Promise<AnchorCount[]> {
  const target = sql<string>`case when a.kind = 'step' then a.step_id when a.kind = 'stage' then a.stage_id else a.card_id end`;
  const rows = await db.kysely
    .selectFrom("research_highlight_anchors as a")
    .select(["a.kind", target.as("target"), sql<number | string>`count(distinct a.highlight_id)`.as("highlights")])
    .where("a.workspace_id", "=", workspaceId)
    .where("a.map_id", "=", mapId)
    .groupBy(["a.kind", target])
    .execute();
  return rows
    .filter((r) => r.target !== null && ["step", "stage", "touchpoint", "painPoint"].includes(r.kind))
    .map((r) => ({ kind: r.kind as AnchorCount["kind"], id: r.target, highlights: Number(r.highlights) }));
}

/** The step an anchor row `a` leads to now, as SQL (null when it leads nowhere); null when nothing leads anywhere. */
function stepOfAnchor(places: AnchorPlaces): RawBuilder<string | null> | null {
  const whens: RawBuilder<unknown>[] = [];
  if (places.steps.length > 0)
    whens.push(sql`when a.kind = 'step' and a.step_id in (${sql.join(places.steps)}) then a.step_id`);
  for (const [stageId, stepId] of places.stageSteps)
    whens.push(sql`when a.kind = 'stage' and a.stage_id = ${stageId} then cast(${stepId} as text)`);
  for (const [cardId, stepId] of places.cardSteps)
    whens.push(sql`when a.kind <> 'step' and a.kind <> 'stage' and a.card_id = ${cardId} then cast(${stepId} as text)`);
  return whens.length > 0 ? sql<string | null>`case ${sql.join(whens, sql` `)} else null end` : null;
}

/** Each highlight of the map once per step its anchors lead to, as a derived table `t(highlight_id, step_id)`. */
function highlightSteps(workspaceId: string, mapId: string, step: RawBuilder<string | null>): RawBuilder<unknown> {
  return sql`(select distinct a.highlight_id as highlight_id, ${step} as step_id
    from research_highlight_anchors a where a.workspace_id = ${workspaceId} and a.map_id = ${mapId}) t`;
}

/** Per step of the map: its highlights, their participants and their sentiment split (thresholds ±0.05). */
export async function countStepResearch(
  db: Db,
  workspaceId: string,
  mapId: string,
  places: AnchorPlaces,
): Promise<StepCounts[]> {
  const step = stepOfAnchor(places);
  if (!step) return [];
  type Row = Record<"highlights" | "participants" | "positive" | "neutral" | "negative", number | string> & {
    step_id: string;
  };
  const { rows } = await sql<Row>`select t.step_id as step_id, count(*) as highlights,
      count(distinct h.participant_id) as participants,
      sum(case when h.sentiment > 0.05 then 1 else 0 end) as positive,
      sum(case when h.sentiment >= -0.05 and h.sentiment <= 0.05 then 1 else 0 end) as neutral,
      sum(case when h.sentiment < -0.05 then 1 else 0 end) as negative
    from ${highlightSteps(workspaceId, mapId, step)}
    join research_highlights h on h.id = t.highlight_id
    where t.step_id is not null
    group by t.step_id`.execute(db.kysely);
  return rows.map((r) => ({
    stepId: r.step_id,
    highlights: Number(r.highlights),
    participants: Number(r.participants),
    positive: Number(r.positive),
    neutral: Number(r.neutral),
    negative: Number(r.negative),
  }));
}

interface QuoteRow {
  id: string;
  /** Absent from a step's page, which knows its step. */
  step_id?: string;
  text: string;
  note_id: string;
  kind: string;
  participant_id: string | null;
  participant_code: string | null;
  study_id: string;
  study_title: string | null;
  sentiment: number | string;
  language: string;
  tags: string;
  created_at: string;
}

const quoteColumns = sql`h.id as id, h.text as text, h.note_id as note_id, h.kind as kind, h.participant_id as participant_id,
  p.code as participant_code, h.study_id as study_id, s.title as study_title, h.sentiment as sentiment,
  h.language as language, h.tags as tags, h.created_at as created_at`;
const quoteJoins = sql`left join research_participants p on p.id = h.participant_id
  left join research_studies s on s.id = h.study_id`;

const toQuote = (r: QuoteRow, stepId = r.step_id ?? ""): MapResearchQuote => ({
  highlightId: r.id,
  noteId: r.note_id,
  stepId,
  text: r.text,
  kind: r.kind as HighlightKind,
  participantId: r.participant_id,
  participantCode: r.participant_code,
  studyId: r.study_id,
  studyTitle: r.study_title ?? "",
  sentiment: Number(r.sentiment),
  language: r.language,
  tags: JSON.parse(r.tags) as string[],
});

/** The newest `perStep` quotes of every step of the map, newest first within each step. */
export async function listTopStepQuotes(
  db: Db,
  workspaceId: string,
  mapId: string,
  places: AnchorPlaces,
  perStep: number,
): Promise<MapResearchQuote[]> {
  const step = stepOfAnchor(places);
  if (!step) return [];
  const { rows } = await sql<QuoteRow>`select * from (
      select t.step_id as step_id, ${quoteColumns},
        row_number() over (partition by t.step_id order by h.created_at desc, h.id desc) as place
      from ${highlightSteps(workspaceId, mapId, step)}
      join research_highlights h on h.id = t.highlight_id
      ${quoteJoins}
      where t.step_id is not null
    ) ranked where ranked.place <= ${perStep}
    order by ranked.step_id, ranked.place`.execute(db.kysely);
  return rows.map((r) => toQuote(r));
}

/**
 * One page of a step's quotes, newest first, after `cursor`: the highlights anchored to the step itself, to a stage
 * that starts with it, or to a card on it (`places` as for the counts). Keyset pagination on (created_at, id), so a
 * quote added meanwhile neither repeats nor hides another. Returns one more than `limit` when there are more.
 */
export async function pageStepQuotes(
  db: Db,
  workspaceId: string,
  mapId: string,
  stepId: string,
  places: AnchorPlaces,
  page: { after: QuoteCursor | null; limit: number },
): Promise<Array<MapResearchQuote & { createdAt: string }>> {
  const stages = [...places.stageSteps].filter(([, s]) => s === stepId).map(([stageId]) => stageId);
  const cards = [...places.cardSteps].filter(([, s]) => s === stepId).map(([cardId]) => cardId);
  const leads = [
    places.steps.includes(stepId) ? sql`(a.kind = 'step' and a.step_id = ${stepId})` : null,
    stages.length > 0 ? sql`(a.kind = 'stage' and a.stage_id in (${sql.join(stages)}))` : null,
    cards.length > 0 ? sql`(a.kind <> 'step' and a.kind <> 'stage' and a.card_id in (${sql.join(cards)}))` : null,
  ].filter((lead) => lead !== null);
  if (leads.length === 0) return [];
  const after = page.after
    ? sql`and (h.created_at < ${page.after.createdAt} or (h.created_at = ${page.after.createdAt} and h.id < ${page.after.id}))`
    : sql``;
  const { rows } = await sql<QuoteRow>`select ${quoteColumns}
    from research_highlights h
    ${quoteJoins}
    where h.workspace_id = ${workspaceId}
      and h.id in (select a.highlight_id from research_highlight_anchors a
        where a.workspace_id = ${workspaceId} and a.map_id = ${mapId} and (${sql.join(leads, sql` or `)}))
      ${after}
    order by h.created_at desc, h.id desc
    limit ${page.limit + 1}`.execute(db.kysely);
  return rows.map((r) => ({ ...toQuote(r, stepId), createdAt: r.created_at }));
}

/** A participant's highlights at one step: how many, and the sum of their sentiments. */
export interface ParticipantStepSentiment {
  participantId: string;
  stepId: string;
  highlights: number;
  sentimentSum: number;
}

/**
 * For participants who have not entered their own journey on the map, per step their highlights lead to: how many
 * and the sum of their sentiments, from which their journey is drafted (each highlight once per step).
 */
export async function sumDraftSentiments(
  db: Db,
  workspaceId: string,
  mapId: string,
  places: AnchorPlaces,
): Promise<ParticipantStepSentiment[]> {
  const step = stepOfAnchor(places);
  if (!step) return [];
  type Row = { participant_id: string; step_id: string; highlights: number | string; sentiment_sum: number | string };
  // Not a correlated NOT EXISTS: SQLite checked it through the map's index, one scan of every journey per highlight
  // (60 s at 50,000 highlights); the list of participants with a journey is read once.
  // Through text: PostgreSQL keeps sentiment as real, whose sum in real would round; the text is the value as stored.
  const { rows } = await sql<Row>`select h.participant_id as participant_id, t.step_id as step_id,
      count(*) as highlights, sum(cast(cast(h.sentiment as text) as double precision)) as sentiment_sum
    from ${highlightSteps(workspaceId, mapId, step)}
    join research_highlights h on h.id = t.highlight_id
    where t.step_id is not null and h.participant_id is not null
      and h.participant_id not in (select j.participant_id from research_journey_steps j
        where j.workspace_id = ${workspaceId} and j.map_id = ${mapId})
    group by h.participant_id, t.step_id`.execute(db.kysely);
  return rows.map((r) => ({
    participantId: r.participant_id,
    stepId: r.step_id,
    highlights: Number(r.highlights),
    sentimentSum: Number(r.sentiment_sum),
  }));
}
