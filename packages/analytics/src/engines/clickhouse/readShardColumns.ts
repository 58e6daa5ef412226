import type { ClickHouseClient } from "@clickhouse/client";
import type { MetricsFilters } from "@opencjm/core";
import type { KernelColumns } from "../../metrics/KernelColumns.js";
import type { ClickHouseTables } from "./clickhouseTables.js";
import type { EventDictionary } from "./loadEventDictionary.js";
import { readTsvField } from "./tsvText.js";

/** What one shard's stream is asked for: the batch, the pushed-down filters and whether properties are needed. */
export interface ShardQuery {
  tables: ClickHouseTables;
  batch: number;
  customerCount: number;
  filters: MetricsFilters;
  /** A table on every shard listing the customers of the segment filter (undefined: no segment). */
  segmentTable?: string;
  needProperties: boolean;
}

const quote = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
const dateMs = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);

/**
 * The shard's query: its local events of the batch, in the journey store's order, with the date, channel and segment
 * filters in the WHERE clause so only kept events leave the shard. (A current release could answer in Arrow and
 * read the sorted parts in order without sorting; 18.16 has neither, so this is TabSeparated and sorted.)
 */
function shardEventsSql(q: ShardQuery): string {
  const where = [`batch = ${q.batch}`];
  if (q.filters.from !== undefined) where.push(`ts_ms >= ${dateMs(q.filters.from)}`);
  if (q.filters.to !== undefined) where.push(`ts_ms < ${dateMs(q.filters.to)}`);
  if (q.filters.channels)
    where.push(q.filters.channels.length ? `channel IN (${q.filters.channels.map(quote).join(", ")})` : "0");
  if (q.segmentTable) where.push(`customer IN (SELECT customer FROM ${q.segmentTable})`);
  return `SELECT customer, ts_ms, event_name, channel, score_kind, score, text, ${q.needProperties ? "properties" : "NULL"}
    FROM ${q.tables.local} WHERE ${where.join(" AND ")}
    ORDER BY customer, ts_us, import_id, row_number`;
}

/** A growable typed-array column. */
class Column<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number) {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(1024, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);

/**
 * Streams one shard's events and builds the kernel's columns from them. Customers keep their global numbers (the
 * offsets cover every customer of the batch, those of other shards empty), so variant and distinct counts of the
 * shards add up like worker partials; event positions are the shard's own.
 */
export async function readShardColumns(
  client: ClickHouseClient,
  q: ShardQuery,
  dictionary: EventDictionary,
): Promise<KernelColumns> {
  const offsets = new Int32Array(q.customerCount + 1);
  const ts = new Column(f64(0), f64);
  const key = new Column(i32(0), i32);
  const propertiesId = new Column(i32(0), i32);
  const scorePos: number[] = [];
  const scoreValue: number[] = [];
  const scoreKind: number[] = [];
  const textPos: number[] = [];
  const textId: number[] = [];
  let lastCustomer = -1;
  const result = await client.query({ query: shardEventsSql(q), format: "TabSeparated" });
  for await (const rows of result.stream()) {
    for (const row of rows) {
      const [c, t, name, channel, kind, score, text, properties] = row.text.split("\t") as string[];
      const customer = Number(c);
      const pos = ts.length;
      while (lastCustomer < customer) offsets[++lastCustomer] = pos;
      ts.push(Number(t));
      const k = dictionary.keyOf.get(readTsvField(name!)!)?.get(readTsvField(channel!));
      if (k === undefined) throw new Error(`event ${name} is missing from the batch's dictionary`);
      key.push(k);
      if (kind !== "-1") {
        scorePos.push(pos);
        scoreKind.push(Number(kind));
        scoreValue.push(Number(score));
      }
      if (text !== "\\N") {
        textPos.push(pos);
        textId.push(dictionary.textOf.get(readTsvField(text!)!)!);
      }
      if (q.needProperties)
        propertiesId.push(properties === "\\N" ? -1 : dictionary.propertiesOf.get(readTsvField(properties!)!)!);
    }
  }
  while (lastCustomer < q.customerCount) offsets[++lastCustomer] = ts.length;
  return {
    offsets,
    ts: ts.done(),
    key: key.done(),
    scorePos: Int32Array.from(scorePos),
    scoreValue: Float64Array.from(scoreValue),
    scoreKind: Uint8Array.from(scoreKind),
    textPos: Int32Array.from(textPos),
    textId: Int32Array.from(textId),
    textSentiment: dictionary.store.textSentiment,
    textLanguage: dictionary.store.textLanguage,
    propertiesId: q.needProperties ? propertiesId.done() : new Int32Array(0),
  };
}
