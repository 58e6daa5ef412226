import { z } from "zod";
import { IdSchema } from "../ids.js";

// Research repository (PRODUCT.md §4.5): studies, their pseudonymous participants, notes and transcripts, and
// highlights (a span of a note turned into a quote or an insight, anchored by ids to a map's step, stage, touchpoint
// or pain point card, or to an idea). Everything lives under /api/workspaces/{workspaceId}/research; members read,
// editors and owners write, and nothing of it is ever served through a share link.
//
//   GET    …/research/studies                         StudyListSchema
//   POST   …/research/studies                         StudyCreateSchema → StudySchema (201)
//   GET    …/research/studies/{studyId}               StudySchema
//   PATCH  …/research/studies/{studyId}               StudyUpdateSchema → StudySchema
//   DELETE …/research/studies/{studyId}               → ErasureReportSchema (its participants, notes, highlights)
//   GET    …/research/participants?studyId=           ParticipantListSchema
//   POST   …/research/participants                    ParticipantCreateSchema → ParticipantSchema (201)
//   GET    …/research/participants/{participantId}    ParticipantSchema
//   PATCH  …/research/participants/{participantId}    ParticipantUpdateSchema → ParticipantSchema
//   DELETE …/research/participants/{participantId}    → ErasureReportSchema (erasure: every trace of the person)
//   GET    …/research/notes?studyId=&participantId=   NoteListSchema (summaries, without the text)
//   POST   …/research/notes                           NoteCreateSchema → NoteSchema (201): typed or pasted text
//   POST   …/research/notes/upload                    NoteUploadSchema → NoteSchema (201): a transcript file
//   GET    …/research/notes/{noteId}                  NoteSchema
//   PATCH  …/research/notes/{noteId}                  NoteUpdateSchema → NoteSchema
//   DELETE …/research/notes/{noteId}                  → ErasureReportSchema
//   GET    …/research/highlights?noteId=&studyId=&participantId=   HighlightListSchema
//   POST   …/research/highlights                      HighlightCreateSchema → HighlightSchema (201)
//   GET    …/research/highlights/{highlightId}        HighlightSchema
//   PATCH  …/research/highlights/{highlightId}        HighlightUpdateSchema → HighlightSchema
//   DELETE …/research/highlights/{highlightId}        204
//   GET    …/research/search?q=&tag=&personaId=&mapId=&stepId=&sentiment=&studyId=&kind=   ResearchSearchResultSchema
//   GET    …/research/maps/{mapId}                    MapResearchSchema: the map's quotes and research-backed cards

/** How a study gathered what it knows. */
export const STUDY_METHODS = [
  "interview",
  "focusGroup",
  "survey",
  "usabilityTest",
  "observation",
  "diary",
  "analyticsReview",
] as const;
export const StudyMethodSchema = z.enum(STUDY_METHODS);
export type StudyMethod = z.infer<typeof StudyMethodSchema>;

/** Longest note or transcript text, in characters. */
export const RESEARCH_NOTE_TEXT_MAX = 1_000_000;
/** Largest transcript file accepted by …/notes/upload, in bytes (before base64). */
export const RESEARCH_UPLOAD_MAX_BYTES = 3 * 1024 * 1024;

const title = z.string().trim().min(1).max(200);
/** A tag on a study or highlight. */
export const ResearchTagSchema = z.string().trim().min(1).max(40);
const tag = ResearchTagSchema;
/** A calendar date, YYYY-MM-DD. */
const day = z.iso.date();

const studyFields = {
  title,
  method: StudyMethodSchema,
  goal: z.string().max(5000),
  startsOn: day.nullable(),
  endsOn: day.nullable(),
  /** Personas of the workspace the study is about. */
  personaIds: z.array(IdSchema).max(20),
  /** The segment studied, in words ("first-time buyers in Tehran"). */
  segment: z.string().max(500),
  /** Maps of the workspace the study informs. */
  mapIds: z.array(IdSchema).max(50),
};

/** Body of POST …/research/studies: title and method are required. */
export const StudyCreateSchema = z.strictObject({
  title,
  method: StudyMethodSchema,
  goal: studyFields.goal.default(""),
  startsOn: studyFields.startsOn.default(null),
  endsOn: studyFields.endsOn.default(null),
  personaIds: studyFields.personaIds.default([]),
  segment: studyFields.segment.default(""),
  mapIds: studyFields.mapIds.default([]),
});
export type StudyCreateRequest = z.input<typeof StudyCreateSchema>;
export type StudyCreate = z.infer<typeof StudyCreateSchema>;

/** Body of PATCH …/research/studies/{studyId}: any subset; a list sent replaces the stored one. */
export const StudyUpdateSchema = z.strictObject(studyFields).partial();
export type StudyUpdate = z.infer<typeof StudyUpdateSchema>;

/** A study as every endpoint answers it. */
export const StudySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  method: StudyMethodSchema,
  goal: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  personaIds: z.array(z.string()),
  segment: z.string(),
  mapIds: z.array(z.string()),
  participantCount: z.number().int().min(0),
  noteCount: z.number().int().min(0),
  highlightCount: z.number().int().min(0),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Study = z.infer<typeof StudySchema>;

/** Answer of GET …/research/studies, newest first. */
export const StudyListSchema = z.object({ studies: z.array(StudySchema) });

/** Consent as recorded: given or not, on which day, and how (a form's name, "verbal, recorded"). */
export const ConsentSchema = z.strictObject({
  given: z.boolean(),
  recordedOn: day.nullable(),
  note: z.string().max(1000).default(""),
});
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * Personal details, kept apart from the pseudonymous record and marked as personal: exports and search never show
 * them, erasure removes them with the rest.
 */
export const ParticipantPersonalSchema = z.strictObject({
  name: z.string().max(200).default(""),
  email: z.string().max(320).default(""),
  phone: z.string().max(60).default(""),
  notes: z.string().max(5000).default(""),
});
export type ParticipantPersonal = z.infer<typeof ParticipantPersonalSchema>;

const participantFields = {
  /** Pseudonymous code, unique in its study ("P07"): what quotes show. */
  code: z.string().trim().min(1).max(40),
  /** Free attributes ("age band": "25–34"), at most 50. */
  attributes: z
    .record(z.string().trim().min(1).max(60), z.string().max(500))
    .refine((a) => Object.keys(a).length <= 50, { message: "at most 50 attributes" }),
  personaId: IdSchema.nullable(),
  segment: z.string().max(500),
  consent: ConsentSchema,
  personal: ParticipantPersonalSchema,
};

/** Body of POST …/research/participants. */
export const ParticipantCreateSchema = z.strictObject({
  studyId: IdSchema,
  code: participantFields.code,
  attributes: participantFields.attributes.default({}),
  personaId: participantFields.personaId.default(null),
  segment: participantFields.segment.default(""),
  consent: participantFields.consent.default({ given: false, recordedOn: null, note: "" }),
  personal: participantFields.personal.default({ name: "", email: "", phone: "", notes: "" }),
});
export type ParticipantCreateRequest = z.input<typeof ParticipantCreateSchema>;
export type ParticipantCreate = z.infer<typeof ParticipantCreateSchema>;

/** Body of PATCH …/research/participants/{participantId}: any subset (the study stays). */
export const ParticipantUpdateSchema = z.strictObject(participantFields).partial();
export type ParticipantUpdate = z.infer<typeof ParticipantUpdateSchema>;

/** A participant as every endpoint answers it. */
export const ParticipantSchema = z.object({
  id: z.string(),
  studyId: z.string(),
  code: z.string(),
  attributes: z.record(z.string(), z.string()),
  personaId: z.string().nullable(),
  segment: z.string(),
  consent: z.object({ given: z.boolean(), recordedOn: z.string().nullable(), note: z.string() }),
  personal: z.object({ name: z.string(), email: z.string(), phone: z.string(), notes: z.string() }),
  /** Present and true when the caller's role (commenter, viewer) may not see personal details: `personal` is then empty. */
  personalHidden: z.boolean().optional(),
  noteCount: z.number().int().min(0),
  highlightCount: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** Answer of GET …/research/participants, by code. */
export const ParticipantListSchema = z.object({ participants: z.array(ParticipantSchema) });

/** Where a note's text came from: typed or pasted, or the format of the uploaded file. */
export const NOTE_FORMATS = ["typed", "text", "markdown", "docx", "vtt", "srt"] as const;
export const NoteFormatSchema = z.enum(NOTE_FORMATS);
export type NoteFormat = z.infer<typeof NoteFormatSchema>;

/** Body of POST …/research/notes: typed or pasted text, of the study, optionally of one participant. */
export const NoteCreateSchema = z.strictObject({
  studyId: IdSchema,
  participantId: IdSchema.nullable().default(null),
  title: title.optional(),
  text: z.string().min(1).max(RESEARCH_NOTE_TEXT_MAX),
});
export type NoteCreateRequest = z.input<typeof NoteCreateSchema>;
export type NoteCreate = z.infer<typeof NoteCreateSchema>;

/**
 * Body of POST …/research/notes/upload: a transcript file (.txt, .md, .docx, .vtt, .srt, told apart by its name and
 * bytes), base64 (or plain text); `charset` forces the text's encoding instead of detecting it (utf-8, gb18030, big5,
 * windows-1251, windows-1256…).
 */
export const NoteUploadSchema = z.strictObject({
  studyId: IdSchema,
  participantId: IdSchema.nullable().default(null),
  title: title.optional(),
  fileName: z.string().trim().min(1).max(255),
  content: z.string().max(Math.ceil((RESEARCH_UPLOAD_MAX_BYTES * 4) / 3) + 4),
  encoding: z.enum(["base64", "text"]).default("base64"),
  charset: z.string().trim().min(1).max(40).optional(),
});
export type NoteUploadRequest = z.input<typeof NoteUploadSchema>;
export type NoteUpload = z.infer<typeof NoteUploadSchema>;

/** Body of PATCH …/research/notes/{noteId}: a new title, or another participant; text of typed notes may change too. */
export const NoteUpdateSchema = z.strictObject({
  title: title.optional(),
  participantId: IdSchema.nullable().optional(),
  /** Only typed notes; highlights whose span no longer fits the text are kept with their quoted words. */
  text: z.string().min(1).max(RESEARCH_NOTE_TEXT_MAX).optional(),
});
export type NoteUpdate = z.infer<typeof NoteUpdateSchema>;

/**
 * A timed part of a subtitle transcript: who spoke, from when to when (milliseconds from the start), and where its
 * words sit in the note's text ([start, end) in UTF-16 code units, as JavaScript indexes strings).
 */
export const TranscriptSegmentSchema = z.object({
  speaker: z.string().nullable(),
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  textStart: z.number().int().min(0),
  textEnd: z.number().int().min(0),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;

const noteSummaryFields = {
  id: z.string(),
  studyId: z.string(),
  participantId: z.string().nullable(),
  title: z.string(),
  format: NoteFormatSchema,
  /** The uploaded file's name (null for typed notes). */
  fileName: z.string().nullable(),
  /** The text encoding the file was read in (null for typed notes and .docx). */
  charset: z.string().nullable(),
  length: z.number().int().min(0),
  highlightCount: z.number().int().min(0),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A note in a list, without its text. */
export const NoteSummarySchema = z.object(noteSummaryFields);
export type NoteSummary = z.infer<typeof NoteSummarySchema>;

/** A note with its text (plain text: Markdown as written, Word as its paragraphs, subtitles as "Speaker: words"). */
export const NoteSchema = z.object({
  ...noteSummaryFields,
  text: z.string(),
  /** Subtitle transcripts only: the timed parts, in order; empty otherwise. */
  segments: z.array(TranscriptSegmentSchema),
});
export type Note = z.infer<typeof NoteSchema>;

/** Answer of GET …/research/notes, newest first. */
export const NoteListSchema = z.object({ notes: z.array(NoteSummarySchema) });

/** What a highlight is about: a map's step or stage, a touchpoint or pain point card on a map, or an idea. */
export const HighlightAnchorInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("step"), mapId: IdSchema, stepId: IdSchema }),
  z.strictObject({ kind: z.literal("stage"), mapId: IdSchema, stageId: IdSchema }),
  z.strictObject({ kind: z.literal("touchpoint"), mapId: IdSchema, cardId: IdSchema }),
  z.strictObject({ kind: z.literal("painPoint"), mapId: IdSchema, cardId: IdSchema }),
  z.strictObject({ kind: z.literal("idea"), ideaId: IdSchema }),
]);
export type HighlightAnchorInput = z.infer<typeof HighlightAnchorInputSchema>;
export type HighlightAnchorKind = HighlightAnchorInput["kind"];

/** Quote (the participant's own words) or insight (what the team concluded from them). */
export const HighlightKindSchema = z.enum(["quote", "insight"]);
export type HighlightKind = z.infer<typeof HighlightKindSchema>;

/** Sentiment buckets for filters: negative below −0.05, positive above 0.05. */
export const SentimentBucketSchema = z.enum(["negative", "neutral", "positive"]);
export type SentimentBucket = z.infer<typeof SentimentBucketSchema>;

/** Body of POST …/research/highlights: a span [start, end) of a note's text (UTF-16 code units). */
export const HighlightCreateSchema = z.strictObject({
  noteId: IdSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  kind: HighlightKindSchema.default("quote"),
  /** For an insight: the team's words; a quote's text is always the span itself. */
  insight: z.string().max(5000).default(""),
  /** Defaults to the note's participant. */
  participantId: IdSchema.nullable().optional(),
  anchors: z.array(HighlightAnchorInputSchema).max(20).default([]),
  tags: z.array(tag).max(30).default([]),
  /** −1…1; left out, the engine's multilingual sentiment of the span is used. */
  sentiment: z.number().min(-1).max(1).optional(),
});
export type HighlightCreateRequest = z.input<typeof HighlightCreateSchema>;
export type HighlightCreate = z.infer<typeof HighlightCreateSchema>;

/** Body of PATCH …/research/highlights/{highlightId}; `sentiment: null` goes back to the computed value. */
export const HighlightUpdateSchema = z.strictObject({
  kind: HighlightKindSchema.optional(),
  insight: z.string().max(5000).optional(),
  participantId: IdSchema.nullable().optional(),
  anchors: z.array(HighlightAnchorInputSchema).max(20).optional(),
  tags: z.array(tag).max(30).optional(),
  sentiment: z.number().min(-1).max(1).nullable().optional(),
});
export type HighlightUpdate = z.infer<typeof HighlightUpdateSchema>;

/** An anchor as answered: its ids, the current label (or the one it had, once gone) and `missing` when deleted. */
export const HighlightAnchorSchema = z.object({
  kind: z.enum(["step", "stage", "touchpoint", "painPoint", "idea"]),
  mapId: z.string().nullable(),
  stepId: z.string().nullable(),
  stageId: z.string().nullable(),
  cardId: z.string().nullable(),
  ideaId: z.string().nullable(),
  label: z.string(),
  missing: z.boolean(),
});
export type HighlightAnchor = z.infer<typeof HighlightAnchorSchema>;

/** A highlight as every endpoint answers it; `onDeletedContent` when any of its anchors is gone (it is kept). */
export const HighlightSchema = z.object({
  id: z.string(),
  studyId: z.string(),
  noteId: z.string(),
  participantId: z.string().nullable(),
  participantCode: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  /** The highlighted words, as they were when highlighted. */
  text: z.string(),
  kind: HighlightKindSchema,
  insight: z.string(),
  anchors: z.array(HighlightAnchorSchema),
  tags: z.array(z.string()),
  sentiment: z.number(),
  /** True when someone set the sentiment; false when it is the engine's. */
  sentimentEdited: z.boolean(),
  language: z.string(),
  onDeletedContent: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Highlight = z.infer<typeof HighlightSchema>;

/** Answer of GET …/research/highlights, in note order. */
export const HighlightListSchema = z.object({ highlights: z.array(HighlightSchema) });
