import {
  computeMapMetrics,
  computeMapMetricsOnClickHouse,
  publishEventsToClickHouse,
  withWriteLock,
  type MapMetrics,
  type MapMetricsInput,
} from "@opencjm/analytics";
import type { EventDatabases } from "../customerData/EventDatabases.js";
import { DomainError } from "../errors/DomainError.js";

/**
 * Copies a workspace's stitched events to ClickHouse when it is configured (nothing otherwise), after an import or a
 * re-stitch. All or nothing: until the new batch is complete the previous one stays what metrics read. Queued behind
 * the workspace's other writers, so two publications of one workspace never overlap. A failure becomes a DomainError
 * (`clickhouse_publish_failed`) naming the reason.
 */
export async function publishWorkspaceEvents(
  analytics: EventDatabases,
  workspaceId: string,
  signal?: AbortSignal,
): Promise<void> {
  const clickHouse = analytics.clickHouse;
  if (!clickHouse) return;
  const db = await analytics.open(workspaceId);
  try {
    await withWriteLock(db, () => publishEventsToClickHouse(db, clickHouse, workspaceId, { signal }));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DomainError({
      kind: "unavailable",
      code: "clickhouse_publish_failed",
      message: `the workspace's events could not be published to ClickHouse (${reason}); metrics still show the events published before`,
      params: { reason },
    });
  }
}

// computeMapMetricsOnClickHouse's words for a workspace none of whose events were published yet.
const NOTHING_PUBLISHED = "no events are published to ClickHouse";

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
    if (!(err instanceof Error && err.message.startsWith(NOTHING_PUBLISHED))) throw err;
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
