import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Db } from "./createDb.js";
import * as initial from "./migrations/20261124000000_initial.js";
import * as shareLinks from "./migrations/20261201000000_share_links.js";
import * as personaPhotos from "./migrations/20261202000000_persona_photos.js";
import * as touchpointRules from "./migrations/20261203120000_touchpoint_rules.js";
import * as mapUpdateQuarantine from "./migrations/20261205000000_map_update_quarantine.js";
import * as mapVersions from "./migrations/20261206010000_map_versions.js";
import * as ideas from "./migrations/20261206030000_ideas.js";
import * as kpis from "./migrations/20261206040000_kpis.js";
import * as commentThreads from "./migrations/20261206000000_comment_threads.js";
import * as notificationsActivity from "./migrations/20261206020000_notifications_activity.js";
import * as research from "./migrations/20261207100000_research.js";
import * as researchJourneys from "./migrations/20261208100000_research_journeys.js";
import * as surveyResponses from "./migrations/20261208200000_survey_responses.js";
import * as drift from "./migrations/20261207000000_drift.js";
import * as shareResearch from "./migrations/20261209200000_share_research.js";
import * as deploymentSettings from "./migrations/20261210000000_deployment_settings.js";
import * as mapStateSnapshots from "./migrations/20261211000000_map_state_snapshots.js";

type DialectMigration = { up(db: Kysely<unknown>, dialect: Db["dialect"]): Promise<void> };

// Listed here rather than read from disk so the compiled server and the tests see the same set.
const migrations: Record<string, DialectMigration> = {
  "20261124000000_initial": initial,
  "20261201000000_share_links": shareLinks,
  "20261202000000_persona_photos": personaPhotos,
  "20261203120000_touchpoint_rules": touchpointRules,
  "20261205000000_map_update_quarantine": mapUpdateQuarantine,
  "20261206010000_map_versions": mapVersions,
  "20261206030000_ideas": ideas,
  "20261206040000_kpis": kpis,
  "20261206000000_comment_threads": commentThreads,
  "20261206020000_notifications_activity": notificationsActivity,
  "20261207100000_research": research,
  "20261208100000_research_journeys": researchJourneys,
  "20261208200000_survey_responses": surveyResponses,
  "20261207000000_drift": drift,
  "20261209200000_share_research": shareResearch,
  "20261210000000_deployment_settings": deploymentSettings,
  "20261211000000_map_state_snapshots": mapStateSnapshots,
};

/** Brings the schema up to date; safe to call on every start. */
export async function migrateToLatest(db: Db): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (k) => m.up(k, db.dialect) }]),
      ),
  };
  const { error, results } = await new Migrator({ db: db.kysely, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
