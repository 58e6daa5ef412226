import type { AddressInfo } from "node:net";
import { startDriftDigestSchedule } from "./mail/DriftDigestScheduler.js";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createEventDatabases } from "./customerData/EventDatabases.js";
import { AccessChanges } from "./auth/accessChanges.js";
import { MapSignals } from "./collab/MapSignals.js";
import { createApp } from "./app.js";
import { createCollaboration, type Collaboration } from "./collab/createCollaboration.js";
import type { AppConfig } from "./config.js";
import { createDb } from "./db/createDb.js";
import { closePrintRenderer } from "./mapExport/MapPrintRenderer.js";
import { migrateToLatest } from "./db/migrate.js";
import type { Services } from "./services.js";
import { createMapDocumentService } from "./store/createMapDocumentService.js";
import { Notifier } from "./notifications/Notifier.js";
import { ActivityLog } from "./activity/ActivityLog.js";
import { bridgeToCluster } from "./cluster/bridgeToCluster.js";
import { openCluster } from "./cluster/openCluster.js";
import { SqliteInstanceLock } from "./cluster/SqliteInstanceLock.js";
import { claimDataVolume } from "./cluster/dataVolume.js";

/** A running OpenCJM server. */
export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  collaboration: Collaboration;
  close(): Promise<void>;
}

/**
 * Listens on the configured port; a port taken by another program fails with one sentence saying what to do, not with
 * the socket's stack trace.
 */
function listen(fetch: Parameters<typeof serve>[0]["fetch"], config: AppConfig): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => {
      s.off("error", onError);
      resolve(s);
    }) as Server;
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code !== "EADDRINUSE") return reject(err);
      reject(
        new Error(
          `port ${config.port} on ${config.host} is in use; set PORT=… (or --port) to another port, or stop the other program`,
        ),
      );
    };
    s.once("error", onError);
  });
}

/** Opens the database, migrates it, and serves the API, web app and collaboration endpoint on one port. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  // SQLite serves one instance; several share PostgreSQL and Redis (cluster/).
  const instanceLock = config.databaseUrl ? undefined : SqliteInstanceLock.acquire(config.sqlitePath);
  const cluster = await openCluster(config).catch((err: unknown) => {
    instanceLock?.release();
    throw err;
  });
  const accessChanges = new AccessChanges();
  const db = createDb({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    plugins: [accessChanges.plugin()],
  });
  await migrateToLatest(db);
  // On another folder than the deployment's, live maps still work and customer data is refused (cjm serve says so).
  const dataVolume = await claimDataVolume(db, config);
  const maps = createMapDocumentService({ db, config });
  const services: Services = {
    config,
    db,
    maps,
    analytics: createEventDatabases(config, { dataVolume }),
    accessChanges,
    collabTickets: cluster.tickets,
    cluster: cluster.bus,
    loginLimits: cluster.loginLimits,
    mapSignals: new MapSignals(),
    notifications: new Notifier(db, config),
    activity: new ActivityLog(db),
  };
  const stopBridge = bridgeToCluster(cluster.bus, accessChanges, services.mapSignals);
  const collaboration = createCollaboration(services);
  const app = createApp(services);
  const server = await listen(app.fetch, config).catch(async (err: unknown) => {
    stopBridge();
    await collaboration.close();
    await services.analytics.close();
    await db.close();
    await cluster.close();
    instanceLock?.release();
    throw err;
  });
  server.on("upgrade", (request, socket, head) => {
    if (request.url?.startsWith("/collab")) collaboration.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  // The weekly drift digest e-mail, the server's one scheduled job (only with SMTP to send it).
  const stopDriftDigest =
    config.mail && config.driftDigestSchedule
      ? startDriftDigestSchedule(services, config.driftDigestSchedule)
      : () => undefined;
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  return {
    url,
    port,
    services,
    collaboration,
    close: async () => {
      stopDriftDigest();
      stopBridge();
      await collaboration.close();
      // Responses still ending when the server stops (an import's progress stream, say) leave keep-alive connections
      // that close() alone would wait on; close each as soon as it is idle.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      await new Promise<void>((resolve) => server.close(() => resolve())).finally(() => clearInterval(sweep));
      await services.analytics.close();
      await closePrintRenderer(services);
      await db.close();
      await cluster.close();
      instanceLock?.release();
    },
  };
}
