import { randomBytes } from "node:crypto";
import type { EventDatabase } from "../duckdb/openEventDatabase.js";
import { SCORE_KINDS } from "../../store/JourneyStore.js";
import { STORE_ORDER_SQL } from "../../store/rebuildJourneyStore.js";
import { ensureClickHouseTables, type ClickHouseTables } from "./clickhouseTables.js";
import type { ClickHouseEvents } from "./connectClickHouse.js";
import { readPublishedBatch } from "./readPublishedBatch.js";
import { ShardRowWriter } from "./shardRowWriter.js";
import { dropStagedDictionary, stageEventDictionary, writeEventDictionary } from "./stageEventDictionary.js";

/** What a publication wrote. */
export interface PublishResult {
  batch: number;
  events: number;
  customers: number;
}

/** Options of a publication: a signal that cancels it (nothing becomes visible then), and its progress in events sent. */
export interface PublishOptions {
  signal?: AbortSignal;
  onProgress?: (eventsSent: number, events: number) => void;
}

async function partitionsOf(shard: ClickHouseEvents["shards"][number], table: string): Promise<number[]> {
  const [database, name] = table.split(".") as [string, string];
  const result = await shard.query({
    // Literal names (safe: built from the configuration and a sanitised id); 18.16 has no query parameters.
    query: `SELECT DISTINCT partition FROM system.parts WHERE database = '${database}' AND table = '${name}' AND active`,
    format: "TabSeparated",
  });
  return (await result.text())
    .split("\n")
    .filter((l) => l.length > 0)
    .map(Number);
}

/** Drops every batch partition but `keep` of the events on every shard and of the dictionary on shard 0. */
async function dropBatchesExcept(ch: ClickHouseEvents, tables: ClickHouseTables, keep: number | undefined) {
  const targets = [
    ...ch.shards.map((shard) => ({ shard, table: tables.local })),
    { shard: ch.shards[0]!, table: tables.dictionary },
  ];
  await Promise.all(
    targets.map(async ({ shard, table }) => {
      for (const p of await partitionsOf(shard, table))
        if (p !== keep) await shard.command({ query: `ALTER TABLE ${table} DROP PARTITION ${p}` });
    }),
  );
}

/**
 * Copies a workspace's stitched events from its DuckDB event store into ClickHouse, all or nothing: the dictionaries
 * and every event (as numbers, in the journey store's order) are written under a new batch number, one RowBinary
 * INSERT straight into each shard's local table (shard = customer modulo the shard count, as the Distributed table
 * shards), counted back, and only then made visible by one single-row insert naming the batch (readers always read
 * the newest published batch, so the switch is atomic). A failure or a cancellation leaves the previous batch visible
 * and drops what was staged. Run after each import and stitching run: stitching renumbers customers, so the whole
 * event set is re-sharded (the superseded batch is dropped afterwards). One publication per workspace at a time
 * (under the import's write lock): each clears what others left staged.
 */
export async function publishEventsToClickHouse(
  db: EventDatabase,
  ch: ClickHouseEvents,
  workspaceId: string,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const tables = await ensureClickHouseTables(ch, workspaceId);
  const current = await readPublishedBatch(ch, tables);
  // Whatever a crashed or failed publication left staged is not visible; clear it before staging anew.
  await dropBatchesExcept(ch, tables, current?.batch);
  const batch = Math.max(current?.batch ?? 0, Math.floor(Date.now() / 1000)) + 1;
  const signal = options.signal;

  const connection = await db.instance.connect();
  const staged = await stageEventDictionary(connection, randomBytes(4).toString("hex"));
  try {
    const [[count, minTs, maxTs, maxEventCustomer]] = (
      await connection.runAndReadAll(
        "SELECT count(*)::DOUBLE, epoch_ms(min(ts))::DOUBLE, epoch_ms(max(ts))::DOUBLE, max(customer_id) FROM events",
      )
    ).getRows() as [[number, number | null, number | null, number | null]];
    const [[maxCustomer]] = (await connection.runAndReadAll("SELECT max(customer_id) FROM customers")).getRows() as [
      [number | null],
    ];
    const customers = Math.max(maxEventCustomer ?? -1, maxCustomer ?? -1) + 1;

    const writer = new ShardRowWriter(ch.shards, tables.local, batch, signal);
    try {
      await writeEventDictionary(connection, staged, ch.shards[0]!, tables.dictionary, batch);
      // The score kind is decided here exactly as the journey store decides it (finite score, kind by name).
      const kindCase = SCORE_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(" ");
      const result = await connection.stream(`
        SELECT e.customer_id, epoch_ms(e.ts)::DOUBLE, k.key,
               CASE WHEN e.score IS NOT NULL AND isfinite(e.score) THEN CASE lower(trim(e.score_kind)) ${kindCase} ELSE -1 END ELSE -1 END::INTEGER,
               coalesce(e.score, 0)::DOUBLE, coalesce(t.text_id, -1), coalesce(p.props_id, -1)
        FROM events e
        JOIN ${staged.keys} k ON k.event_name = e.event_name AND k.channel IS NOT DISTINCT FROM e.channel
        LEFT JOIN ${staged.texts} t ON t.text = e.text
        LEFT JOIN ${staged.properties} p ON p.properties = e.properties::VARCHAR
        ORDER BY ${STORE_ORDER_SQL.split(", ")
          .map((c) => `e.${c}`)
          .join(", ")}`);
      let pos = 0;
      for (;;) {
        signal?.throwIfAborted();
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const [customer, ts, key, kind, score, text, properties] = [0, 1, 2, 3, 4, 5, 6].map((i) =>
          chunk.getColumnVector(i),
        );
        for (let i = 0; i < chunk.rowCount; i++, pos++) {
          const scoreKind = kind!.getItem(i) as number;
          writer.write({
            customer: customer!.getItem(i) as number,
            pos,
            tsMs: ts!.getItem(i) as number,
            key: key!.getItem(i) as number,
            scoreKind,
            score: scoreKind < 0 ? 0 : (score!.getItem(i) as number),
            textId: text!.getItem(i) as number,
            propertiesId: properties!.getItem(i) as number,
          });
        }
        await writer.flush();
        options.onProgress?.(pos, count);
      }
      signal?.throwIfAborted();
      await writer.finish();
      const written = await countBatch(ch, tables, batch);
      if (written !== count) throw new Error(`ClickHouse holds ${written} of the ${count} events written`);
      await ch.shards[0]!.insert({
        table: tables.published,
        values: [{ batch, customer_count: customers, event_count: count, min_ts_ms: minTs, max_ts_ms: maxTs }],
        format: "JSONEachRow",
      });
    } catch (error) {
      await writer.abandon(error);
      await dropBatchesExcept(ch, tables, current?.batch).catch(() => undefined);
      throw error;
    }
    await dropBatchesExcept(ch, tables, batch);
    return { batch, events: count, customers };
  } finally {
    await dropStagedDictionary(connection, staged);
    connection.closeSync();
  }
}

async function countBatch(ch: ClickHouseEvents, tables: ClickHouseTables, batch: number): Promise<number> {
  const counts = await Promise.all(
    ch.shards.map(async (shard) => {
      const r = await shard.query({
        query: `SELECT count() FROM ${tables.local} WHERE batch = ${batch}`,
        format: "TabSeparated",
      });
      return Number((await r.text()).trim());
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
