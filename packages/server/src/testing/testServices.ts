import { createEventDatabases } from "../customerData/EventDatabases.js";
import { AccessChanges } from "../auth/accessChanges.js";
import { CollabTickets } from "../collab/collabTickets.js";
import { LoginRateLimiter } from "../auth/loginRateLimiter.js";
import { LocalClusterBus } from "../cluster/ClusterBus.js";
import { MapSignals } from "../collab/MapSignals.js";
import { loadConfig, type AppConfig } from "../config.js";
import type { Services } from "../services.js";
import { createMapDocumentService } from "../store/createMapDocumentService.js";
import { closePrintRenderer } from "../mapExport/MapPrintRenderer.js";
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
  const services: Services = {
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
  };
  // The event databases live in the test's data dir, so they close before it is deleted; an export browser a test
  // started (an export, or getting ready for one) closes with them.
  const dispose = async () => {
    await closePrintRenderer(services);
    await analytics.close();
    await t.dispose();
  };
  return { t: { ...t, dispose }, services };
}
