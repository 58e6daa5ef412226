import type { EventDatabases } from "./customerData/EventDatabases.js";
import type { AccessChanges } from "./auth/accessChanges.js";
import type { CollabTicketStore } from "./collab/collabTickets.js";
import type { ClusterBus } from "./cluster/ClusterBus.js";
import type { LoginLimits } from "./auth/loginRateLimiter.js";
import type { MapSignals } from "./collab/MapSignals.js";
import type { AppConfig } from "./config.js";
import type { Db } from "./db/createDb.js";
import type { MapDocumentStore } from "./store/createMapDocumentService.js";
import type { Notifier } from "./notifications/Notifier.js";
import type { ActivityLog } from "./activity/ActivityLog.js";

/** Everything a route, command or collaboration hook needs, built once per server. */
export interface Services {
  config: AppConfig;
  db: Db;
  maps: MapDocumentStore;
  /** Each workspace's DuckDB event database and the imports in flight (customerData/EventDatabases.ts). */
  analytics: EventDatabases;
  /** Raised whenever someone's rights may have changed, so live connections check theirs again. */
  accessChanges: AccessChanges;
  /** Single-use tickets that authenticate the web app's collaboration sockets. */
  collabTickets: CollabTicketStore;
  /** The other server instances of this deployment, through Redis; nobody when one instance serves alone. */
  cluster: ClusterBus;
  /** Failed sign-ins counted for the rate limits: in this process, or shared by every instance through Redis. */
  loginLimits: LoginLimits;
  /** Changes beside a map's document (comment threads) that its live connections hear about at once. */
  mapSignals: MapSignals;
  /** In-app notifications and mention e-mails: `notify([{ userId, workspaceId, kind, actorId, … }])`. */
  notifications: Notifier;
  /** The workspace activity log: `record({ workspaceId, mapId, actorId, action, data })` after a change is stored. */
  activity: ActivityLog;
}
