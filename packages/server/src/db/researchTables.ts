// The research repository's tables (PRODUCT.md §4.5): studies, participants, notes, highlights, journeys, surveys.
/** ISO-8601 timestamps are stored as text on both SQLite and PostgreSQL so they compare and sort the same. */
type Timestamp = string;

/** A research study (PRODUCT.md §4.5); persona and map ids are JSON arrays, dates YYYY-MM-DD. */
export interface ResearchStudiesTable {
  id: string;
  workspace_id: string;
  title: string;
  /** interview, focusGroup, survey, usabilityTest, observation, diary or analyticsReview (StudyMethod in core). */
  method: string;
  goal: string;
  starts_on: string | null;
  ends_on: string | null;
  persona_ids: string;
  segment: string;
  map_ids: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A pseudonymous participant of a study; the `personal_*` columns are personal data, erased with the row. */
export interface ResearchParticipantsTable {
  id: string;
  workspace_id: string;
  study_id: string;
  code: string;
  /** JSON object of string attributes. */
  attributes: string;
  persona_id: string | null;
  segment: string;
  consent_given: number;
  consent_recorded_on: string | null;
  consent_note: string;
  personal_name: string;
  personal_email: string;
  personal_phone: string;
  personal_notes: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A note or transcript of a study; `segments` is the subtitle parts (TranscriptSegment[] in core) as JSON. */
export interface ResearchNotesTable {
  id: string;
  workspace_id: string;
  study_id: string;
  participant_id: string | null;
  title: string;
  /** typed, text, markdown, docx, vtt or srt (NoteFormat in core). */
  format: string;
  file_name: string | null;
  charset: string | null;
  text: string;
  segments: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A highlight: a span [start_offset, end_offset) of a note, its words kept in `text`; tags JSON as given. */
export interface ResearchHighlightsTable {
  id: string;
  workspace_id: string;
  study_id: string;
  note_id: string;
  participant_id: string | null;
  start_offset: number;
  end_offset: number;
  text: string;
  /** quote or insight. */
  kind: string;
  insight: string;
  tags: string;
  /** −1…1: `sentiment_auto` unless someone set it (`sentiment_edited` 1). */
  sentiment: number;
  sentiment_auto: number;
  sentiment_edited: number;
  language: string;
  search_text: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One tag of a highlight, for filtering. */
export interface ResearchHighlightTagsTable {
  highlight_id: string;
  workspace_id: string;
  tag: string;
}

/** What a highlight is anchored to, by ids; `label` is the step, stage, card or idea text when anchored. */
export interface ResearchHighlightAnchorsTable {
  highlight_id: string;
  workspace_id: string;
  position: number;
  /** step, stage, touchpoint, painPoint or idea. */
  kind: string;
  map_id: string | null;
  /** The step itself, or the step a card was on when anchored. */
  step_id: string | null;
  stage_id: string | null;
  card_id: string | null;
  idea_id: string | null;
  label: string;
}

/**
 * One step of a participant's own journey on a map, entered as a mini-map (PRODUCT.md §4.5): a step of the map
 * (`step_id`) or one the map lacks (`step_id` null, named in `name`), in `position` order, with an emotion −3…+3.
 */
export interface ResearchJourneyStepsTable {
  workspace_id: string;
  participant_id: string;
  map_id: string;
  position: number;
  step_id: string | null;
  name: string;
  emotion: number;
  note: string;
  updated_at: Timestamp;
}

/** One uploaded survey export (PRODUCT.md §4.5); `header` and `pending_rows` JSON, the rows emptied once mapped. */
export interface ResearchSurveysTable {
  id: string;
  workspace_id: string;
  study_id: string;
  file_name: string;
  charset: string | null;
  header: string;
  pending_rows: string;
  /** uploaded or imported. */
  status: string;
  /** The import's result (SurveyImportResult) as JSON; "{}" until mapped. */
  report: string;
  created_by: string;
  created_at: Timestamp;
}

/** One respondent's answer to one question: a number on its scale, or free text with its sentiment. */
export interface ResearchSurveyAnswersTable {
  workspace_id: string;
  survey_id: string;
  /** The respondent's row in the file, 1 for the first. */
  respondent: number;
  column_index: number;
  question: string;
  /** likert5, likert7, nps, csat, ces or text. */
  scale: string;
  map_id: string | null;
  step_id: string | null;
  participant_id: string | null;
  customer_id: number | null;
  value: number | null;
  text: string | null;
  sentiment: number | null;
}
