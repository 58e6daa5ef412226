import { z } from "zod";

// The research repository in a workspace backup: its tables' rows as stored (snake_case columns, JSON columns as
// text), without the workspace id, which restore sets. Bounded like the rest of the backup.
const text = z.string().max(2_000_000);
const id = z.string().min(1).max(64);
const optional = z.string().max(2000).nullable();

const StudyRowSchema = z.object({
  id,
  title: text,
  method: z.string().max(40),
  goal: text,
  starts_on: optional,
  ends_on: optional,
  persona_ids: text,
  segment: text,
  map_ids: text,
  created_by: z.string().max(64),
  created_at: z.string().max(40),
  updated_at: z.string().max(40),
});
const ParticipantRowSchema = z.object({
  id,
  study_id: id,
  code: z.string().max(40),
  attributes: text,
  persona_id: optional,
  segment: text,
  consent_given: z.number().int(),
  consent_recorded_on: optional,
  consent_note: text,
  personal_name: text,
  personal_email: text,
  personal_phone: text,
  personal_notes: text,
  created_at: z.string().max(40),
  updated_at: z.string().max(40),
});
const NoteRowSchema = z.object({
  id,
  study_id: id,
  participant_id: optional,
  title: text,
  format: z.string().max(20),
  file_name: optional,
  charset: optional,
  text,
  segments: text,
  created_by: z.string().max(64),
  created_at: z.string().max(40),
  updated_at: z.string().max(40),
});
const HighlightRowSchema = z.object({
  id,
  study_id: id,
  note_id: id,
  participant_id: optional,
  start_offset: z.number().int(),
  end_offset: z.number().int(),
  text,
  kind: z.string().max(20),
  insight: text,
  tags: text,
  sentiment: z.number(),
  sentiment_auto: z.number(),
  sentiment_edited: z.number().int(),
  language: z.string().max(20),
  search_text: text,
  created_by: z.string().max(64),
  created_at: z.string().max(40),
  updated_at: z.string().max(40),
});
const TagRowSchema = z.object({ highlight_id: id, tag: z.string().max(40) });
const AnchorRowSchema = z.object({
  highlight_id: id,
  position: z.number().int(),
  kind: z.string().max(20),
  map_id: optional,
  step_id: optional,
  stage_id: optional,
  card_id: optional,
  idea_id: optional,
  label: text,
});

const JourneyStepRowSchema = z.object({
  participant_id: id,
  map_id: id,
  position: z.number().int().min(0),
  step_id: optional,
  name: text,
  emotion: z.number().int().min(-3).max(3),
  note: text,
  updated_at: z.string().max(40),
});

const SurveyRowSchema = z.object({
  id,
  study_id: id,
  file_name: z.string().max(255),
  charset: optional,
  header: text,
  pending_rows: z.string().max(20_000_000),
  status: z.string().max(20),
  report: text,
  created_by: z.string().max(64),
  created_at: z.string().max(40),
});
const SurveyAnswerRowSchema = z.object({
  survey_id: id,
  respondent: z.number().int().min(1),
  column_index: z.number().int().min(0),
  question: text,
  scale: z.string().max(20),
  map_id: optional,
  step_id: optional,
  participant_id: optional,
  customer_id: z.number().int().nullable(),
  value: z.number().nullable(),
  text: text.nullable(),
  sentiment: z.number().nullable(),
});

/** Studies, participants, notes and highlights of a workspace as a backup holds them (version 4 on). */
export const ResearchRecordsSchema = z.object({
  studies: z.array(StudyRowSchema).max(100_000),
  participants: z.array(ParticipantRowSchema).max(1_000_000),
  notes: z.array(NoteRowSchema).max(1_000_000),
  highlights: z.array(HighlightRowSchema).max(5_000_000),
  highlightTags: z.array(TagRowSchema).max(5_000_000),
  highlightAnchors: z.array(AnchorRowSchema).max(5_000_000),
  /** Participants' entered journeys; backups from before them have none. */
  journeySteps: z.array(JourneyStepRowSchema).max(5_000_000).default([]),
  /** Imported survey exports and their answers; backups from before them have none. */
  surveys: z.array(SurveyRowSchema).max(100_000).default([]),
  surveyAnswers: z.array(SurveyAnswerRowSchema).max(5_000_000).default([]),
});
export type ResearchRecords = z.infer<typeof ResearchRecordsSchema>;
