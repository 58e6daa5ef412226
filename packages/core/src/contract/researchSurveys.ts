import { z } from "zod";
import { IdSchema } from "../ids.js";
import { RESEARCH_UPLOAD_MAX_BYTES } from "./research.js";
import { IdentifierKindSchema } from "./sources.js";

// Survey responses (PRODUCT.md §4.5): a survey tool's CSV or Excel export, one row per respondent and one column per
// question, imported into a study in two steps (upload, then mapping) and shown on the map as per-step scores and
// quotes.
//
//   POST …/research/surveys/upload                 SurveyUploadSchema → SurveyUploadedSchema
//   POST …/research/surveys/{surveyId}/mapping     SurveyMappingSchema → SurveyImportResultSchema
//   GET  …/research/maps/{mapId}/surveys           MapSurveyScoresSchema
//   GET  …/research/surveys?studyId=               SurveyListSchema
//   DELETE …/research/surveys/{surveyId}           SurveyDeletedSchema
//   (a customer's answers ride in their timeline: CustomerSurveyAnswerSchema)

/** How a question is answered: Likert 1–5 or 1–7, NPS 0–10, CSAT 1–5, CES 1–7, or free text (quotes). */
export const SurveyScaleSchema = z.enum(["likert5", "likert7", "nps", "csat", "ces", "text"]);
export type SurveyScale = z.infer<typeof SurveyScaleSchema>;

/** The lowest and highest answer of each numeric scale. */
export const SURVEY_SCALE_RANGE: Record<Exclude<SurveyScale, "text">, readonly [number, number]> = {
  likert5: [1, 5],
  likert7: [1, 7],
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
};

/** Most respondents (rows) one survey file may hold. */
export const SURVEY_ROWS_MAX = 20_000;
/** Most questions (columns) one survey file may hold. */
export const SURVEY_COLUMNS_MAX = 300;

/** Body of POST …/research/surveys/upload: the export (.csv, .tsv, .txt or .xlsx) base64, its encoding optional. */
export const SurveyUploadSchema = z.strictObject({
  studyId: IdSchema,
  fileName: z.string().trim().min(1).max(255),
  // Room past the limit so a file a little over it is refused by name and size rather than as a long string.
  content: z.string().max(Math.ceil(((RESEARCH_UPLOAD_MAX_BYTES + 64 * 1024) * 4) / 3)),
  charset: z.string().trim().min(1).max(40).optional(),
});
export type SurveyUploadRequest = z.input<typeof SurveyUploadSchema>;

/** One column of an uploaded export with what its header suggests. */
export const SurveyColumnSchema = z.object({
  column: z.number().int().min(0),
  header: z.string(),
  /** The scale the header and answers suggest; null when it looks like no question (an id, a date). */
  suggestedScale: SurveyScaleSchema.nullable(),
  /** A few answers from the top of the file, for the mapping screen. */
  samples: z.array(z.string()),
});
export type SurveyColumn = z.infer<typeof SurveyColumnSchema>;

/** An uploaded export waiting for its mapping. */
export const SurveyUploadedSchema = z.object({
  surveyId: z.string(),
  studyId: z.string(),
  fileName: z.string(),
  /** The text encoding it was read in; null for .xlsx. */
  charset: z.string().nullable(),
  respondents: z.number().int().min(0),
  columns: z.array(SurveyColumnSchema),
  /** A column that looks like a respondent's email or customer id, with its kind. */
  suggestedRespondent: z.object({ column: z.number().int(), kind: IdentifierKindSchema }).nullable(),
  /** A column that looks like the study's participant codes. */
  suggestedParticipantColumn: z.number().int().nullable(),
});
export type SurveyUploaded = z.infer<typeof SurveyUploadedSchema>;

/** One question as mapped: a scale (null leaves the column out) and the map step it is about (or none). */
export const SurveyQuestionMappingSchema = z
  .strictObject({
    column: z.number().int().min(0),
    scale: SurveyScaleSchema.nullable(),
    mapId: IdSchema.nullable().default(null),
    stepId: z.string().min(1).max(100).nullable().default(null),
  })
  .refine((q) => (q.mapId === null) === (q.stepId === null), { message: "give both mapId and stepId, or neither" });
export type SurveyQuestionMapping = z.infer<typeof SurveyQuestionMappingSchema>;

/** Body of POST …/research/surveys/{surveyId}/mapping. */
export const SurveyMappingSchema = z.strictObject({
  questions: z.array(SurveyQuestionMappingSchema).max(SURVEY_COLUMNS_MAX),
  /** The column identifying respondents as customers (through the customer data's identity lookup). */
  respondent: z
    .strictObject({ column: z.number().int().min(0), kind: IdentifierKindSchema })
    .nullable()
    .default(null),
  /** The column holding the study's participant codes. */
  participantColumn: z.number().int().min(0).nullable().default(null),
});
export type SurveyMappingRequest = z.input<typeof SurveyMappingSchema>;
export type SurveyMapping = z.infer<typeof SurveyMappingSchema>;

/** Why an answer or a link was not kept. */
export const SurveyNotKeptReasonSchema = z.enum(["not_on_scale", "unknown_participant", "unknown_customer"]);
export type SurveyNotKeptReason = z.infer<typeof SurveyNotKeptReasonSchema>;

/** One thing of the file not kept: its row (1 = first respondent), column and value. */
export const SurveyNotKeptSchema = z.object({
  row: z.number().int(),
  column: z.number().int(),
  header: z.string(),
  value: z.string(),
  reason: SurveyNotKeptReasonSchema,
});
export type SurveyNotKept = z.infer<typeof SurveyNotKeptSchema>;

/** What an import kept, and the first things it did not keep (with their total). */
export const SurveyImportResultSchema = z.object({
  surveyId: z.string(),
  respondents: z.number().int(),
  answers: z.number().int(),
  customersJoined: z.number().int(),
  participantsLinked: z.number().int(),
  notKept: z.array(SurveyNotKeptSchema),
  notKeptTotal: z.number().int(),
});
export type SurveyImportResult = z.infer<typeof SurveyImportResultSchema>;

/** One question's scores on a step: mean and count; for NPS also promoters, detractors and the score. */
export const SurveyStepScoreSchema = z.object({
  surveyId: z.string(),
  question: z.string(),
  scale: SurveyScaleSchema.exclude(["text"]),
  count: z.number().int(),
  mean: z.number(),
  /** NPS only: % promoters (9–10) − % detractors (0–6), −100…100. */
  nps: z
    .object({
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
      score: z.number(),
    })
    .nullable(),
});
export type SurveyStepScore = z.infer<typeof SurveyStepScoreSchema>;

/** A free-text answer on a step, shown as a quote. */
export const SurveyQuoteSchema = z.object({
  question: z.string(),
  text: z.string(),
  /** The engine's multilingual sentiment, −1…1. */
  sentiment: z.number(),
  participantCode: z.string().nullable(),
  /** The respondent's row in the survey file (1 = first), shown when no participant is linked: never who they are. */
  respondent: z.number().int().min(1),
});
export type SurveyQuote = z.infer<typeof SurveyQuoteSchema>;

/** Survey answers on a map, per step: scores, and the newest free-text answers (`quoteCount` counts them all). */
export const MapSurveyScoresSchema = z.object({
  mapId: z.string(),
  steps: z.array(
    z.object({
      stepId: z.string(),
      scores: z.array(SurveyStepScoreSchema),
      /** Free-text answers, newest survey first and its last respondents first; the first ones when there are many. */
      quotes: z.array(SurveyQuoteSchema),
      quoteCount: z.number().int().min(0),
    }),
  ),
});
export type MapSurveyScores = z.infer<typeof MapSurveyScoresSchema>;

/** An upload never mapped is kept this long (its raw rows hold e-mails and other identifiers), then purged. */
export const SURVEY_STAGING_HOURS = 24;

/** One survey of a study as listed: its file, who uploaded it and when, and what it holds. */
export const SurveySummarySchema = z.object({
  id: z.string(),
  studyId: z.string(),
  fileName: z.string(),
  /** uploaded: waiting for its mapping (purged after SURVEY_STAGING_HOURS); imported: its answers are kept. */
  status: z.enum(["uploaded", "imported"]),
  /** Respondents with a kept answer once imported; rows of the file while waiting. */
  respondents: z.number().int().min(0),
  /** Questions imported with a scale, and those of them on a map's step. */
  questions: z.number().int().min(0),
  questionsOnSteps: z.number().int().min(0),
  answers: z.number().int().min(0),
  createdAt: z.string(),
  /** Who uploaded it; null once they have left the installation. */
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type SurveySummary = z.infer<typeof SurveySummarySchema>;

/** Query of GET …/research/surveys. */
export const SurveyListQuerySchema = z.object({ studyId: IdSchema });

/** A study's surveys, newest first. */
export const SurveyListSchema = z.object({ surveys: z.array(SurveySummarySchema) });
export type SurveyList = z.infer<typeof SurveyListSchema>;

/** What deleting a survey removed: its answers, of which the free-text ones were shown as quotes. */
export const SurveyDeletedSchema = z.object({
  surveyId: z.string(),
  fileName: z.string(),
  answers: z.number().int().min(0),
  quotes: z.number().int().min(0),
});
export type SurveyDeleted = z.infer<typeof SurveyDeletedSchema>;

/**
 * One survey answer of a customer, for their timeline (respondents joined to customers through an identifier): the
 * survey and its study, the question, its step (null when not on a map, or the map or step is gone), the value on its
 * scale or the text, and the day the survey was imported (exports carry no answer times the import keeps).
 */
export const CustomerSurveyAnswerSchema = z.object({
  surveyId: z.string(),
  fileName: z.string(),
  studyTitle: z.string(),
  question: z.string(),
  scale: SurveyScaleSchema,
  mapId: z.string().nullable(),
  mapTitle: z.string().nullable(),
  stepId: z.string().nullable(),
  stepName: z.string().nullable(),
  value: z.number().nullable(),
  text: z.string().nullable(),
  importedAt: z.string(),
});
export type CustomerSurveyAnswer = z.infer<typeof CustomerSurveyAnswerSchema>;
