import { createEventDatabases } from "../customerData/EventDatabases.js";
import { AccessChanges } from "../auth/accessChanges.js";
import { CollabTickets } from "../collab/collabTickets.js";
import { LoginRateLimiter } from "../auth/loginRateLimiter.js";
import { LocalClusterBus } from "../cluster/ClusterBus.js";
import { MapSignals } from "../collab/MapSignals.js";
import { loadConfig, type AppConfig } from "../config.js";
import type { Services } from "../services.js";
import { createMapDocumentService } from "../store/createMapDocumentService.js";
import { Notifier } from "../notifications/Notifier.js";
import { ActivityLog } from "../activity/ActivityLog.js";
import { createTestDatabase, type TestDatabase } from "./testDatabases.js";

/** Real services (config, database, map store) over a fresh database, without an HTTP server. */
export async function createTestServices(
  dialect: "sqlite" | "postgres",
  overrides: Partial<AppConfig> = {},
): Promise<{ t: TestDatabase; services: Services }> {
  const t = await createTestDatabase(dialect);
  const config = { ...loadConfig({}, { dataDir: t.config.dataDir }), ...overrides };
  const analytics = createEventDatabases(config);
  // The event databases live in the test's data dir, so they close before it is deleted.
  const dispose = async () => {
    await analytics.close();
    await t.dispose();
  };
  return {
    t: { ...t, dispose },
    services: {
      config,
      db: t.db,
      maps: createMapDocumentService({ db: t.db, config }),
      analytics,
      accessChanges: new AccessChanges(),
      collabTickets: new CollabTickets(),
      cluster: new LocalClusterBus(),
      loginLimits: new LoginRateLimiter(config.loginRateLimit),
      mapSignals: new MapSignals(),
      notifications: new Notifier(t.db, config),
      activity: new ActivityLog(t.db),
    },
  };
}
