// The tables of ideas, KPIs and drift (PRODUCT.md §4.7).
/** ISO-8601 timestamps are stored as text on both SQLite and PostgreSQL so they compare and sort the same. */
type Timestamp = string;

/** An idea (PRODUCT.md §4.7); list fields and scores are JSON (tags, touchpoint and KPI ids; ICE, RICE, matrix place). */
export interface IdeasTable {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  owner_id: string | null;
  /** JSON array of strings. */
  tags: string;
  /** new, approved, inProgress, shipped, measured or rejected (IdeaStatus in core). */
  status: string;
  touchpoint_ids: string;
  kpi_ids: string;
  /** IceInput as JSON, or null when not scored. */
  ice: string | null;
  /** RiceInput as JSON, or null when not scored. */
  rice: string | null;
  /** MatrixPosition as JSON, or null until placed on the matrix. */
  matrix: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A link of an idea to a map, by ids; `label` is the card or step text when linked, shown once it is gone. */
export interface IdeaLinksTable {
  idea_id: string;
  workspace_id: string;
  /** "anchor" (what it answers: a card, cell or step) or "step" (a step it changes). */
  role: string;
  position: number;
  map_id: string;
  card_id: string | null;
  step_id: string | null;
  lane_id: string | null;
  /** painPoint, opportunity, card, cell or step (IdeaLinkKind in core), as it was when linked. */
  kind: string;
  label: string;
}

/** One change of an idea's status; seq 0 is its creation as "new". */
export interface IdeaStatusChangesTable {
  idea_id: string;
  seq: number;
  status: string;
  reason: string | null;
  changed_by: string | null;
  changed_at: Timestamp;
}

/** A KPI (PRODUCT.md §4.7); `anchor` and `source` are KpiAnchor and KpiSource (core) as JSON. */
export interface KpisTable {
  id: string;
  workspace_id: string;
  /** The map its stage, step or touchpoint is on; null on the workspace. */
  map_id: string | null;
  anchor: string;
  source: string;
  name: string;
  unit: string;
  /** "higher" or "lower" is better. */
  direction: string;
  target: number | null;
  owner_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A KPI value entered by hand for a date (YYYY-MM-DD). */
export interface KpiValuesTable {
  id: string;
  kpi_id: string;
  date: string;
  value: number;
  note: string;
  created_by: string;
  created_at: Timestamp;
}

/** The measured effect of an idea (IdeaEffect in core, as JSON), recorded when it was marked measured. */
export interface KpiEffectsTable {
  idea_id: string;
  workspace_id: string;
  result: string;
  recorded_at: Timestamp;
}

/** A workspace's drift thresholds (DriftSettings in core, as JSON). */
export interface DriftSettingsTable {
  workspace_id: string;
  settings: string;
  updated_by: string;
  updated_at: Timestamp;
}

/** A member who gets the weekly drift digest by e-mail, and the ISO week of the last one sent. */
export interface DriftDigestSubscribersTable {
  workspace_id: string;
  user_id: string;
  created_at: Timestamp;
  last_sent_week: string | null;
}
