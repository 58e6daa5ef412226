import { checkDataVolume } from "../cluster/dataVolume.js";
import { createEventDatabases } from "../customerData/EventDatabases.js";
import { AccessChanges } from "../auth/accessChanges.js";
import { CollabTickets } from "../collab/collabTickets.js";
import { LoginRateLimiter } from "../auth/loginRateLimiter.js";
import { LocalClusterBus } from "../cluster/ClusterBus.js";
import { MapSignals } from "../collab/MapSignals.js";
import type { AppConfig } from "../config.js";
import { createDb } from "../db/createDb.js";
import { migrateToLatest } from "../db/migrate.js";
import type { Services } from "../services.js";
import { createMapDocumentService } from "../store/createMapDocumentService.js";
import { Notifier } from "../notifications/Notifier.js";
import { ActivityLog } from "../activity/ActivityLog.js";

/** Opens and migrates the configured database for a CLI command that works without the HTTP server. */
export async function openServices(config: AppConfig): Promise<Services & { close(): Promise<void> }> {
  const db = createDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  await migrateToLatest(db);
  const analytics = createEventDatabases(config, { dataVolume: await checkDataVolume(db, config) });
  return {
    config,
    db,
    maps: createMapDocumentService({ db, config }),
    analytics,
    accessChanges: new AccessChanges(),
    collabTickets: new CollabTickets(),
    cluster: new LocalClusterBus(),
    loginLimits: new LoginRateLimiter(config.loginRateLimit),
    mapSignals: new MapSignals(),
    notifications: new Notifier(db, config),
    activity: new ActivityLog(db),
    close: async () => {
      await analytics.close();
      await db.close();
    },
  };
}
