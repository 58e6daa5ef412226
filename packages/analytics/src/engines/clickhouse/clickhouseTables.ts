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
  /** Per shard: a MergeTree of events as numbers, partitioned by import batch, sorted like the journey store. */
  local: string;
  /** Over all shards: a Distributed table sharded by the stitched customer (customer modulo the shard count). */
  distributed: string;
  /** On shard 0: per batch, the (event name, channel) pairs, texts and properties the events' numbers stand for. */
  dictionary: string;
  /** On shard 0: one row per published batch; the newest row is the batch readers see. */
  published: string;
}

/** What a dictionary row names: an (event name, channel) key, a text or a properties object. */
export const DICTIONARY_KIND = { key: 0, text: 1, properties: 2 } as const;

/**
 * Names of the workspace's tables in the configured database. The events tables carry "v2": they hold dictionary
 * numbers where the first layout held strings, and a server that still has the first layout's tables keeps them
 * untouched (the v2 published record starts empty, so the first read publishes anew).
 */
export function clickHouseTables(ch: ClickHouseEvents, workspaceId: string): ClickHouseTables {
  const db = ch.config.database;
  const prefix = tablePrefix(workspaceId);
  return {
    local: `${db}.${prefix}_events_v2_local`,
    distributed: `${db}.${prefix}_events_v2`,
    dictionary: `${db}.${prefix}_dictionary_v2`,
    published: `${db}.${prefix}_published_v2`,
  };
}

/**
 * Creates the database and a workspace's tables where missing, in SQL that ClickHouse 18.16 accepts (and current
 * releases too). An event is numbers only: its customer, its position in the journey store's total order (`pos`, so
 * a shard sorts one UInt64 instead of comparing times, import ids and row numbers), its time in epoch milliseconds
 * (Float64, as the kernel reads it; 18.16 has no DateTime64), and dictionary numbers for its (event name, channel)
 * pair, text and properties (-1: none). Each import is one partition (`batch`), dropped when superseded.
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
        pos UInt64,
        ts_ms Float64,
        key UInt32,
        score_kind Int8,
        score Float64,
        text_id Int32,
        properties_id Int32
      ) ENGINE = MergeTree PARTITION BY batch ORDER BY (customer, pos)`,
    });
    // The sharding key is the customer itself: an insert through this table lands where publishing puts it.
    await shard.command({
      query: `CREATE TABLE IF NOT EXISTS ${t.distributed} AS ${t.local}
        ENGINE = Distributed(${ch.config.cluster}, ${ch.config.database}, ${localName}, customer)`,
    });
  }
  await ch.shards[0]!.command({
    query: `CREATE TABLE IF NOT EXISTS ${t.dictionary} (
      batch UInt32,
      kind UInt8,
      id UInt32,
      value String,
      channel Nullable(String)
    ) ENGINE = MergeTree PARTITION BY batch ORDER BY (kind, id)`,
  });
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
