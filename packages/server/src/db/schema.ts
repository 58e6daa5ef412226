import type { ColumnType, Generated, Selectable } from "kysely";
import type {
  IdeasTable,
  IdeaLinksTable,
  IdeaStatusChangesTable,
  KpisTable,
  KpiValuesTable,
  KpiEffectsTable,
  DriftSettingsTable,
  DriftDigestSubscribersTable,
} from "./ideaKpiTables.js";
import type {
  ResearchHighlightAnchorsTable,
  ResearchHighlightTagsTable,
  ResearchHighlightsTable,
  ResearchJourneyStepsTable,
  ResearchNotesTable,
  ResearchParticipantsTable,
  ResearchStudiesTable,
  ResearchSurveyAnswersTable,
  ResearchSurveysTable,
} from "./researchTables.js";
export type {
  IdeasTable,
  IdeaLinksTable,
  IdeaStatusChangesTable,
  KpisTable,
  KpiValuesTable,
  KpiEffectsTable,
  DriftSettingsTable,
  DriftDigestSubscribersTable,
} from "./ideaKpiTables.js";
export type {
  ResearchHighlightAnchorsTable,
  ResearchHighlightTagsTable,
  ResearchHighlightsTable,
  ResearchJourneyStepsTable,
  ResearchNotesTable,
  ResearchParticipantsTable,
  ResearchStudiesTable,
  ResearchSurveyAnswersTable,
  ResearchSurveysTable,
} from "./researchTables.js";

/** ISO-8601 timestamps are stored as text on both SQLite and PostgreSQL so they compare and sort the same. */
type Timestamp = string;
/** Booleans are stored as 0/1 integers so both dialects agree. */
type Flag = number;

/** Facts shared by every instance of a deployment, by key (`data_volume`: the id of the deployment's DATA_DIR). */
export interface DeploymentSettingsTable {
  key: string;
  value: string;
  set_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the raw value is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token; the raw token is shown once at creation. */
  token_hash: string;
  /** null: every workspace the user belongs to. */
  workspace_id: string | null;
  /** "read" tokens can never write, whatever the user's role. */
  scope: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  locale: string;
  created_at: Timestamp;
}

export interface MembersTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

export interface ChannelsTable {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  online: Flag;
  icon: string;
  built_in: Flag;
}

export interface TouchpointsTable {
  id: string;
  workspace_id: string;
  channel_id: string;
  name: string;
  description: string;
  medium: string;
  owner_team: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonasTable {
  id: string;
  workspace_id: string;
  name: string;
  /** PersonaFields as JSON. */
  data: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MapsTable {
  id: string;
  workspace_id: string;
  title: string;
  type: string;
  status: string;
  /** The latest MapSnapshot as JSON, for reads and exports without loading Yjs. */
  snapshot: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MapUpdatesTable {
  /** Monotonic per database; compaction folds every row up to some id into map_states. */
  id: Generated<number>;
  map_id: string;
  update: Buffer;
  /** Who sent it (null for rows from before authors were recorded, and for server-made changes). */
  author_id: string | null;
  created_at: Timestamp;
}

/** A map update that could not be read, moved out of the log by compaction (never applied). */
export interface MapUpdateQuarantineTable {
  update_id: number;
  map_id: string;
  update: Buffer;
  reason: string;
  created_at: Timestamp;
  quarantined_at: Timestamp;
}

export interface MapStatesTable {
  map_id: string;
  /** Yjs state (Y.encodeStateAsUpdate) with every update up to and including last_update_id folded in. */
  state: Buffer;
  last_update_id: number;
  updated_at: Timestamp;
  /** The MapSnapshot of `state` as JSON, when stored with it (see snapshot_format). */
  snapshot: string | null;
  /** Which code made `snapshot` (store/snapshotFormat.ts): a snapshot of another format is not used. */
  snapshot_format: string | null;
}

/** A version of a map: its whole Yjs state and snapshot at that point, and who edited since the previous version. */
export interface MapVersionsTable {
  id: string;
  map_id: string;
  /** "auto" (checkpoint), "named", "restored" or "created". */
  kind: string;
  name: string | null;
  /** Y.encodeStateAsUpdate of the map at this version; independent of the update log. */
  state: Buffer;
  /** MapSnapshot JSON of that state. */
  snapshot: string;
  /** JSON array of { userId, firstEditAt, lastEditAt }: who edited since the previous version. */
  authors: string;
  edited_from: Timestamp | null;
  edited_until: Timestamp | null;
  /** The highest map_updates id this version includes; edits above it belong to the next version. */
  covered_update_id: number;
  restored_from: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** Authors of edits that compaction folded away before a version recorded them. */
export interface MapEditAuthorsTable {
  map_id: string;
  user_id: string;
  first_edit_at: Timestamp;
  last_edit_at: Timestamp;
}

export interface ShareLinksTable {
  id: string;
  workspace_id: string;
  map_id: string;
  /** SHA-256 of the token; the raw token is shown once at creation. */
  token_hash: string;
  /** "share": a read-only link people use; "export": a minute-long link the PDF/PNG export prints through, never listed. */
  purpose: string;
  label: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** An export link of one version of the map (null: the map as it is now); may be left out on insert. */
  version_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: the link shows the map's research appendix (the sharer chose it, or the exporting member asked for it). */
  include_research: ColumnType<number, number | undefined, number>;
}

export interface PersonaPhotosTable {
  persona_id: string;
  workspace_id: string;
  /** image/jpeg, image/png or image/webp, checked against the bytes on upload. */
  content_type: string;
  data: Buffer;
  updated_at: Timestamp;
}

export interface TouchpointRulesTable {
  id: string;
  workspace_id: string;
  touchpoint_id: string;
  /** JSON array of exact event names. */
  event_names: string;
  pattern: string | null;
  channel: string | null;
  /** JSON array of property conditions. */
  conditions: string;
  /** Fractional index: rules are tried in this order. */
  sort_order: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An in-app notification for one person; `data` is the few words it shows, as JSON. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  workspace_id: string;
  kind: string;
  actor_id: string | null;
  map_id: string | null;
  subject_id: string | null;
  data: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** One person's notification choices; no row means the defaults (mention e-mails on). */
export interface NotificationSettingsTable {
  user_id: string;
  email_mentions: Flag;
  updated_at: Timestamp;
}

/** One entry of a workspace's activity log; `data` is the few words it shows, as JSON. */
export interface ActivityTable {
  id: string;
  workspace_id: string;
  map_id: string | null;
  actor_id: string | null;
  action: string;
  data: string;
  created_at: Timestamp;
}

/** A comment thread of a map; the anchor columns used depend on `anchor_kind` (map, card, step, cell, idea). */
export interface CommentThreadsTable {
  id: string;
  workspace_id: string;
  map_id: string;
  anchor_kind: string;
  anchor_card_id: string | null;
  anchor_step_id: string | null;
  anchor_lane_id: string | null;
  created_by: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

/** One comment of a thread: plain text, and the mentioned members' user ids as a JSON array. */
export interface CommentsTable {
  id: string;
  thread_id: string;
  workspace_id: string;
  author_id: string;
  text: string;
  mentions: string;
  created_at: Timestamp;
  edited_at: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  workspaces: WorkspacesTable;
  members: MembersTable;
  invitations: InvitationsTable;
  channels: ChannelsTable;
  touchpoints: TouchpointsTable;
  personas: PersonasTable;
  maps: MapsTable;
  map_updates: MapUpdatesTable;
  map_states: MapStatesTable;
  map_update_quarantine: MapUpdateQuarantineTable;
  map_versions: MapVersionsTable;
  map_edit_authors: MapEditAuthorsTable;
  share_links: ShareLinksTable;
  deployment_settings: DeploymentSettingsTable;
  persona_photos: PersonaPhotosTable;
  touchpoint_rules: TouchpointRulesTable;
  ideas: IdeasTable;
  idea_links: IdeaLinksTable;
  idea_status_changes: IdeaStatusChangesTable;
  kpis: KpisTable;
  kpi_values: KpiValuesTable;
  kpi_effects: KpiEffectsTable;
  drift_settings: DriftSettingsTable;
  drift_digest_subscribers: DriftDigestSubscribersTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  activity: ActivityTable;
  research_studies: ResearchStudiesTable;
  research_participants: ResearchParticipantsTable;
  research_notes: ResearchNotesTable;
  research_highlights: ResearchHighlightsTable;
  research_highlight_tags: ResearchHighlightTagsTable;
  research_highlight_anchors: ResearchHighlightAnchorsTable;
  research_journey_steps: ResearchJourneyStepsTable;
  research_surveys: ResearchSurveysTable;
  research_survey_answers: ResearchSurveyAnswersTable;
}

export type UserRow = Selectable<UsersTable>;
export type MapRow = Selectable<MapsTable>;
export type PersonaRow = Selectable<PersonasTable>;
export type TouchpointRow = Selectable<TouchpointsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type ShareLinkRow = Selectable<ShareLinksTable>;
export type TouchpointRuleRow = Selectable<TouchpointRulesTable>;
export type IdeaRow = Selectable<IdeasTable>;
export type IdeaLinkRow = Selectable<IdeaLinksTable>;
