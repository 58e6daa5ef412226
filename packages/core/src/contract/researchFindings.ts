import { z } from "zod";
import { IdSchema } from "../ids.js";
import { HighlightKindSchema, HighlightSchema, ResearchTagSchema, SentimentBucketSchema } from "./research.js";

// Research read across studies and onto maps: insight search, a map's quotes and research cards, and what an erasure
// removed (the endpoints are listed at the top of research.ts).

/** Query of GET …/research/search; every filter optional, they combine. `q` matches substrings in every script. */
export const ResearchSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  tag: ResearchTagSchema.optional(),
  personaId: IdSchema.optional(),
  mapId: IdSchema.optional(),
  stepId: IdSchema.optional(),
  sentiment: SentimentBucketSchema.optional(),
  studyId: IdSchema.optional(),
  kind: HighlightKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ResearchSearchQuery = z.infer<typeof ResearchSearchQuerySchema>;

/** A note whose full text holds every word searched for: where the first match is, and the words around it. */
export const NoteSearchHitSchema = z.object({
  noteId: z.string(),
  title: z.string(),
  studyId: z.string(),
  studyTitle: z.string(),
  participantId: z.string().nullable(),
  participantCode: z.string().nullable(),
  /** The first match, [start, end) in the note's text (UTF-16 code units). */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The text around the match, and where the match sits in it. */
  snippet: z.object({ text: z.string(), matchStart: z.number().int().min(0), matchEnd: z.number().int().min(0) }),
});
export type NoteSearchHit = z.infer<typeof NoteSearchHitSchema>;

/**
 * Answer of GET …/research/search: matching highlights across studies, newest first, with their study's title; and,
 * when words were searched for, the notes whose full text holds them (newest first), each with a snippet.
 */
export const ResearchSearchResultSchema = z.object({
  hits: z.array(HighlightSchema.extend({ studyTitle: z.string() })),
  total: z.number().int().min(0),
  notes: z.array(NoteSearchHitSchema),
  notesTotal: z.number().int().min(0),
});
export type ResearchSearchResult = z.infer<typeof ResearchSearchResultSchema>;

/** A highlight shown on a map as a quote at a step (a stage's quotes sit at its first step). */
export const MapResearchQuoteSchema = z.object({
  highlightId: z.string(),
  /** The note the words come from (the step panel opens it at the highlight). */
  noteId: z.string(),
  stepId: z.string(),
  text: z.string(),
  kind: HighlightKindSchema,
  participantId: z.string().nullable(),
  participantCode: z.string().nullable(),
  studyId: z.string(),
  studyTitle: z.string(),
  sentiment: z.number(),
  language: z.string(),
  tags: z.array(z.string()),
});
export type MapResearchQuote = z.infer<typeof MapResearchQuoteSchema>;

/**
 * Answer of GET …/research/maps/{mapId}: the research quotes per step, the cards that rest on research (evidence
 * level "research", with the highlights behind them), and highlights anchored to this map's deleted content.
 */
export const MapResearchSchema = z.object({
  mapId: z.string(),
  quotes: z.array(MapResearchQuoteSchema),
  cards: z.array(z.object({ cardId: z.string(), level: z.literal("research"), highlightIds: z.array(z.string()) })),
  onDeletedContent: z.array(HighlightSchema),
});
export type MapResearch = z.infer<typeof MapResearchSchema>;

const count = z.number().int().min(0);

/** How many quotes a step of the map's research summary carries for the quotes lane; the rest load in its panel. */
export const MAP_RESEARCH_TOP_QUOTES = 3;

/** One step's research at a glance: its highlights, their participants, the sentiment split and the newest quotes. */
export const MapResearchStepSchema = z.object({
  stepId: z.string(),
  /** Highlights at the step, each once however many of its anchors lead here. */
  highlights: count,
  /** Participants those highlights come from (highlights without a participant count for none). */
  participants: count,
  sentiment: z.object({ positive: count, neutral: count, negative: count }),
  /** The newest few, newest first; `highlights - top.length` more are in the step's pages. */
  top: z.array(MapResearchQuoteSchema).max(MAP_RESEARCH_TOP_QUOTES),
});
export type MapResearchStep = z.infer<typeof MapResearchStepSchema>;

/**
 * Answer of GET …/research/maps/{mapId}/summary: what opening a map needs of its research, counted by the database —
 * per step (a stage's highlights at its first step, a card's at its step), per anchor on the map, and the cards that
 * rest on research. Quotes beyond each step's newest few come page by page from …/steps/{stepId}/quotes.
 */
export const MapResearchSummarySchema = z.object({
  mapId: z.string(),
  steps: z.array(MapResearchStepSchema),
  /** Highlights per anchor still on the map: a step, a stage, a touchpoint or pain point card. */
  anchors: z.array(
    z.object({ kind: z.enum(["step", "stage", "touchpoint", "painPoint"]), id: z.string(), highlights: count }),
  ),
  cards: z.array(z.object({ cardId: z.string(), level: z.literal("research"), highlights: count })),
});
export type MapResearchSummary = z.infer<typeof MapResearchSummarySchema>;

/** Query of GET …/research/maps/{mapId}/steps/{stepId}/quotes: a page after the cursor of the previous one. */
export const MapResearchQuotePageQuerySchema = z.strictObject({
  after: z.string().min(1).max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MapResearchQuotePageQuery = z.infer<typeof MapResearchQuotePageQuerySchema>;

/** Answer of …/steps/{stepId}/quotes: a page of the step's quotes, newest first, and the cursor of the next (or null). */
export const MapResearchQuotePageSchema = z.object({
  quotes: z.array(MapResearchQuoteSchema),
  next: z.string().nullable(),
});
export type MapResearchQuotePage = z.infer<typeof MapResearchQuotePageSchema>;

/** What a deletion removed: participants, notes, highlights and the quote cards derived from them on maps. */
export const ErasureReportSchema = z.object({
  participants: z.number().int().min(0),
  notes: z.number().int().min(0),
  highlights: z.number().int().min(0),
  /** Participants' own journeys on maps (one per participant and map) entered as mini-maps. */
  journeys: z.number().int().min(0),
  /**
   * Survey answers of the erased participants (linked by code, or to the customer their e-mail, phone or customer id
   * identifies), or in the erased study's surveys.
   */
  surveyAnswers: z.number().int().min(0),
  /** Quote cards on maps whose evidence named a removed highlight or participant, or that name the participant's code. */
  mapQuotes: z.number().int().min(0),
  /** Speaker turns of the erased participants removed from shared notes and transcripts (the rest of each note kept). */
  transcriptTurns: z.number().int().min(0),
  /** Stored versions of maps (checkpoints, named and restored versions) rewritten without the removed quote cards. */
  versions: z.number().int().min(0),
  /** Each map touched: quote cards removed from it now, and its stored versions rewritten without them. */
  maps: z.array(
    z.object({
      mapId: z.string(),
      title: z.string(),
      quotes: z.number().int().min(0),
      versions: z.number().int().min(0),
    }),
  ),
});
export type ErasureReport = z.infer<typeof ErasureReportSchema>;
