import { Readable } from "node:stream";
import type { EventDatabase } from "../duckdb/openEventDatabase.js";
import { SCORE_KINDS } from "../../store/JourneyStore.js";
import { ensureClickHouseTables, type ClickHouseTables } from "./clickhouseTables.js";
import type { ClickHouseEvents } from "./connectClickHouse.js";
import { readPublishedBatch } from "./readPublishedBatch.js";
import { tsvField } from "./tsvText.js";

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

async function partitionsOf(ch: ClickHouseEvents, tables: ClickHouseTables): Promise<number[][]> {
  const [database, table] = tables.local.split(".") as [string, string];
  return Promise.all(
    ch.shards.map(async (shard) => {
      const result = await shard.query({
        // Literal names (safe: built from the configuration and a sanitised id); 18.16 has no query parameters.
        query: `SELECT DISTINCT partition FROM system.parts WHERE database = '${database}' AND table = '${table}' AND active`,
        format: "TabSeparated",
      });
      return (await result.text())
        .split("\n")
        .filter((l) => l.length > 0)
        .map(Number);
    }),
  );
}

/** Drops every batch partition but `keep` on every shard (a superseded batch, or one a failed publication staged). */
async function dropBatchesExcept(ch: ClickHouseEvents, tables: ClickHouseTables, keep: number | undefined) {
  const partitions = await partitionsOf(ch, tables);
  await Promise.all(
    ch.shards.map(async (shard, s) => {
      for (const p of partitions[s]!)
        if (p !== keep) await shard.command({ query: `ALTER TABLE ${tables.local} DROP PARTITION ${p}` });
    }),
  );
}

/**
 * Copies a workspace's stitched events from its DuckDB event store into ClickHouse, all or nothing: every event is
 * written under a new batch number through the Distributed table (sharded by a hash of the stitched customer, with
 * synchronous inserts so each shard has its rows when the insert returns), counted back, and only then made visible by
 * one single-row insert naming the batch (readers always read the newest published batch). A failure or a
 * cancellation leaves the previous batch visible and drops what was staged. Run after each import and stitching run:
 * stitching renumbers customers, so the whole event set is re-sharded (the superseded batch is dropped afterwards).
 * One publication per workspace at a time (under the import's write lock): each clears what others left staged.
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

  const connection = await db.instance.connect();
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

    // The score kind is decided here exactly as the journey store decides it (finite score, kind by name).
    const kindCase = SCORE_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(" ");
    const result = await connection.stream(`
      SELECT customer_id, epoch_us(ts), epoch_ms(ts), import_id, row_number, event_name, channel,
             CASE WHEN score IS NOT NULL AND isfinite(score) THEN CASE lower(trim(score_kind)) ${kindCase} ELSE -1 END ELSE -1 END::TINYINT,
             coalesce(score, 0), text, properties::VARCHAR
      FROM events`);
    const signal = options.signal;
    let sent = 0;
    async function* lines(): AsyncGenerator<string> {
      for (;;) {
        signal?.throwIfAborted();
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) return;
        const columns = chunk.getColumns() as unknown[][];
        let text = "";
        for (let i = 0; i < chunk.rowCount; i++) {
          text += batch;
          for (const column of columns) text += `\t${tsvField(column[i] as string | number | bigint | null)}`;
          text += "\n";
        }
        yield text;
        sent += chunk.rowCount;
        options.onProgress?.(sent, count);
      }
    }
    try {
      await ch.shards[0]!.insert({
        table: tables.distributed,
        values: Readable.from(lines(), { objectMode: false }),
        format: "TabSeparated",
        clickhouse_settings: { insert_distributed_sync: 1 },
      });
      signal?.throwIfAborted();
      const written = await countBatch(ch, tables, batch);
      if (written !== count) throw new Error(`ClickHouse holds ${written} of the ${count} events written`);
      await ch.shards[0]!.insert({
        table: tables.published,
        values: [{ batch, customer_count: customers, event_count: count, min_ts_ms: minTs, max_ts_ms: maxTs }],
        format: "JSONEachRow",
      });
    } catch (error) {
      await dropBatchesExcept(ch, tables, current?.batch).catch(() => undefined);
      throw error;
    }
    await dropBatchesExcept(ch, tables, batch);
    return { batch, events: count, customers };
  } finally {
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
