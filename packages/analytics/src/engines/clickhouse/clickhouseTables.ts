import type { ClickHouseEvents } from "./connectClickHouse.js";

/**
 * A workspace id spelled with what a ClickHouse table name may hold: letters and digits as they are, any other
 * character as "_" and six hex digits (so two ids never share a table, as "a-b" and "a_b" would if both became "a_b").
 */
function tablePrefix(workspaceId: string): string {
  return `ws_${workspaceId.replace(/[^A-Za-z0-9]/gu, (c) => `_${c.codePointAt(0)!.toString(16).padStart(6, "0")}`)}`;
}

/** The fully qualified names of a workspace's event tables. */
export interface ClickHouseTables {
  /** Per shard: a MergeTree of events, partitioned by import batch, sorted like the journey store. */
  local: string;
  /** Over all shards: a Distributed table sharded by a hash of the stitched customer. */
  distributed: string;
  /** On shard 0: one row per published batch; the newest row is the batch readers see. */
  published: string;
}

/** Names of the workspace's tables in the configured database. */
export function clickHouseTables(ch: ClickHouseEvents, workspaceId: string): ClickHouseTables {
  const db = ch.config.database;
  const prefix = tablePrefix(workspaceId);
  return {
    local: `${db}.${prefix}_events_local`,
    distributed: `${db}.${prefix}_events`,
    published: `${db}.${prefix}_published`,
  };
}

/**
 * Creates the database and a workspace's tables where missing, in SQL that ClickHouse 18.16 accepts (and current
 * releases too). Events are sorted by (customer, microsecond time, import, row): the journey store's total order, so a
 * shard's stream needs no re-sorting beyond what the server does (18.16 sorts anyway; from 19.14 on,
 * `optimize_read_in_order` reads the parts in key order instead). Times are Int64 epoch microseconds and
 * milliseconds (18.16 has no DateTime64). Each import is one partition (`batch`), dropped when superseded.
 */
export async function ensureClickHouseTables(ch: ClickHouseEvents, workspaceId: string): Promise<ClickHouseTables> {
  const t = clickHouseTables(ch, workspaceId);
  const localName = t.local.split(".")[1]!;
  for (const shard of ch.shards) {
    await shard.command({ query: `CREATE DATABASE IF NOT EXISTS ${ch.config.database}` });
    await shard.command({
      query: `CREATE TABLE IF NOT EXISTS ${t.local} (
        batch UInt32,
        customer UInt32,
        ts_us Int64,
        ts_ms Int64,
        import_id String,
        row_number Int64,
        event_name String,
        channel Nullable(String),
        score_kind Int8,
        score Float64,
        text Nullable(String),
        properties Nullable(String)
      ) ENGINE = MergeTree PARTITION BY batch ORDER BY (customer, ts_us, import_id, row_number)`,
    });
    await shard.command({
      query: `CREATE TABLE IF NOT EXISTS ${t.distributed} AS ${t.local}
        ENGINE = Distributed(${ch.config.cluster}, ${ch.config.database}, ${localName}, intHash32(customer))`,
    });
  }
  await ch.shards[0]!.command({
    query: `CREATE TABLE IF NOT EXISTS ${t.published} (
      batch UInt32,
      customer_count UInt32,
      event_count UInt64,
      min_ts_ms Nullable(Int64),
      max_ts_ms Nullable(Int64)
    ) ENGINE = MergeTree ORDER BY batch`,
  });
  return t;
}
