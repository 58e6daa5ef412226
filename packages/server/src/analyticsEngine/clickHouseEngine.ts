import {
  computeMapMetrics,
  computeMapMetricsOnClickHouse,
  failImportPublication,
  NothingPublishedError,
  publishEventsToClickHouse,
  restorePublishedImports,
  withWriteLock,
  type MapMetrics,
  type MapMetricsInput,
} from "@opencjm/analytics";
import type { EventDatabases } from "../customerData/EventDatabases.js";
import { DomainError } from "../errors/DomainError.js";
import { isMissingTable } from "./clickHouseErrorCode.js";

/** What a publication is for: the import it completes (marked failed when it fails), its cancel signal and progress. */
export interface PublicationOptions {
  importId?: string;
  signal?: AbortSignal;
  onProgress?: (eventsSent: number, events: number) => void;
}

/**
 * Copies a workspace's stitched events to ClickHouse when it is configured (nothing otherwise), after an import or a
 * re-stitch. All or nothing: until the new batch is complete the previous one stays what metrics read. Queued behind
 * the workspace's other writers, so two publications of one workspace never overlap. A failure marks the import it
 * completes failed in the history (`clickhouse_publish_failed`, its events kept in DuckDB) and becomes a DomainError
 * naming the reason; a later publication that succeeds carries those events too, so it marks such imports done again.
 * The HTTP import, `cjm import-events` and source deletion all publish through here.
 */
export async function publishWorkspaceEvents(
  analytics: EventDatabases,
  workspaceId: string,
  options: PublicationOptions = {},
): Promise<void> {
  const clickHouse = analytics.clickHouse;
  if (!clickHouse) return;
  const db = await analytics.open(workspaceId);
  await withWriteLock(db, async () => {
    try {
      await publishEventsToClickHouse(db, clickHouse, workspaceId, {
        signal: options.signal,
        onProgress: options.onProgress,
      });
    } catch (err) {
      const failure = publicationFailure(err);
      if (options.importId) await failImportPublication(db.connection, options.importId, failure);
      throw failure;
    }
    await restorePublishedImports(db.connection, PUBLISH_FAILED);
  });
}

const PUBLISH_FAILED = "clickhouse_publish_failed";

function publicationFailure(err: unknown): DomainError {
  const reason = err instanceof Error ? err.message : String(err);
  return new DomainError({
    kind: "unavailable",
    code: PUBLISH_FAILED,
    message: `the workspace's events could not be published to ClickHouse (${reason}); metrics still show the events published before`,
    params: { reason },
  });
}

/**
 * A map's metrics from the configured engine: ClickHouse when configured (a workspace imported before ClickHouse was
 * configured is published on first use), otherwise the workspace's DuckDB journey store. Both give the same answer.
 */
export async function computeMetricsOnEngine(
  analytics: EventDatabases,
  workspaceId: string,
  input: MapMetricsInput,
): Promise<MapMetrics> {
  const db = await analytics.open(workspaceId);
  const clickHouse = analytics.clickHouse;
  if (!clickHouse) return computeMapMetrics(db, input);
  try {
    return await computeMapMetricsOnClickHouse(db, clickHouse, workspaceId, input);
  } catch (err) {
    // Tables missing (ClickHouse's error code) or present without a published batch (a first publication that failed).
    const unpublished = isMissingTable(err) || err instanceof NothingPublishedError;
    if (!unpublished) throw err;
    await publishWorkspaceEvents(analytics, workspaceId);
    return computeMapMetricsOnClickHouse(db, clickHouse, workspaceId, input);
  }
}

/** Whether every ClickHouse shard answers (for GET /api/ready); ready when ClickHouse is not configured. */
export async function clickHouseReadiness(analytics: EventDatabases): Promise<{ ready: boolean; reason?: string }> {
  const clickHouse = analytics.clickHouse;
  if (!clickHouse) return { ready: true };
  const pings = await Promise.all(
    clickHouse.shards.map(async (shard, i) => {
      const url = clickHouse.config.urls[i]!;
      try {
        const ping = await shard.ping();
        return ping.success ? undefined : `${url}: ${ping.error.message}`;
      } catch (err) {
        return `${url}: ${err instanceof Error ? err.message : String(err)}`;
      }
    }),
  );
  const down = pings.filter((p): p is string => p !== undefined);
  return down.length === 0 ? { ready: true } : { ready: false, reason: `clickhouse: ${down.join("; ")}` };
}
