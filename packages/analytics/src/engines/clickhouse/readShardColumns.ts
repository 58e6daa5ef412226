import type { ClickHouseClient } from "@clickhouse/client";
import type { MetricsFilters } from "@opencjm/core";
import type { KernelColumns } from "../../metrics/KernelColumns.js";
import type { ClickHouseTables } from "./clickhouseTables.js";
import type { EventDictionary } from "./loadEventDictionary.js";

/** What one shard's stream is asked for: the batch, the pushed-down filters and whether properties are needed. */
export interface ShardQuery {
  tables: ClickHouseTables;
  batch: number;
  customerCount: number;
  filters: MetricsFilters;
  /** The (event name, channel) keys whose channel the channel filter keeps (undefined: no channel filter). */
  channelKeys?: number[];
  /** A table on every shard listing the customers of the segment filter (undefined: no segment). */
  segmentTable?: string;
  needProperties: boolean;
}

const dateMs = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);

/**
 * The shard's query: its local events of the batch with the date, channel and segment filters in the WHERE clause,
 * so only kept events leave the shard, as fixed-width RowBinary numbers led by the store position. `sorted` adds
 * ORDER BY pos. Without it, one thread reads the parts one after another, each in key order; since a publication
 * inserts a shard's events in store order, parts in block order hold increasing positions and the stream comes out
 * in store order without a sort (checked row by row, as 18.16 promises no order). A current release can say so:
 * from 19.14 on `optimize_read_in_order` reads the parts in key order for ORDER BY (customer, pos), and Arrow output
 * would hand over whole columns, which JavaScript could wrap without reading row by row.
 */
function shardEventsSql(q: ShardQuery, sorted: boolean): string {
  const where = [`batch = ${q.batch}`];
  if (q.filters.from !== undefined) where.push(`ts_ms >= ${dateMs(q.filters.from)}`);
  if (q.filters.to !== undefined) where.push(`ts_ms < ${dateMs(q.filters.to)}`);
  if (q.channelKeys) where.push(q.channelKeys.length ? `key IN (${q.channelKeys.join(", ")})` : "0");
  if (q.segmentTable) where.push(`customer IN (SELECT customer FROM ${q.segmentTable})`);
  return `SELECT pos, customer, ts_ms, key, score_kind, score, text_id${q.needProperties ? ", properties_id" : ""}
    FROM ${q.tables.local} WHERE ${where.join(" AND ")}
    ${sorted ? "ORDER BY pos" : ""} FORMAT RowBinary`;
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
      const next = this.make(Math.max(65_536, this.data.length * 2));
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
 * shards add up like worker partials; event positions are the shard's own. The shard is first read without sorting;
 * should the rows come out of store order, the stream is dropped and read again sorted.
 */
export async function readShardColumns(
  client: ClickHouseClient,
  q: ShardQuery,
  dictionary: EventDictionary,
): Promise<KernelColumns> {
  const inOrder = await streamShardColumns(client, q, dictionary, false);
  return inOrder ?? (await streamShardColumns(client, q, dictionary, true))!;
}

/** The kernel's columns from one read of the shard, or undefined when an unsorted read came out of store order. */
async function streamShardColumns(
  client: ClickHouseClient,
  q: ShardQuery,
  dictionary: EventDictionary,
  sorted: boolean,
): Promise<KernelColumns | undefined> {
  const offsets = new Int32Array(q.customerCount + 1);
  const ts = new Column(f64(0), f64);
  const key = new Column(i32(0), i32);
  const propertiesId = new Column(i32(0), i32);
  const scorePos: number[] = [];
  const scoreValue: number[] = [];
  const scoreKind: number[] = [];
  const textPos: number[] = [];
  const textId: number[] = [];
  const rowBytes = 8 + 4 + 8 + 4 + 1 + 8 + 4 + (q.needProperties ? 4 : 0);
  let lastCustomer = -1;
  let lastPosition = -1;
  let rest: Buffer = Buffer.alloc(0);
  const result = await client.exec({
    query: shardEventsSql(q, sorted),
    clickhouse_settings: sorted ? {} : { max_threads: 1 },
  });
  for await (const chunk of result.stream as AsyncIterable<Buffer>) {
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const whole = bytes.length - (bytes.length % rowBytes);
    for (let base = 0; base < whole; base += rowBytes) {
      const position = view.getUint32(base, true) + view.getUint32(base + 4, true) * 0x1_0000_0000;
      if (position <= lastPosition) {
        result.stream.destroy();
        return undefined;
      }
      lastPosition = position;
      const o = base + 8;
      const customer = view.getUint32(o, true);
      const pos = ts.length;
      while (lastCustomer < customer) offsets[++lastCustomer] = pos;
      ts.push(view.getFloat64(o + 4, true));
      key.push(view.getUint32(o + 12, true));
      const kind = view.getInt8(o + 16);
      if (kind >= 0) {
        scorePos.push(pos);
        scoreKind.push(kind);
        scoreValue.push(view.getFloat64(o + 17, true));
      }
      const text = view.getInt32(o + 25, true);
      if (text >= 0) {
        textPos.push(pos);
        textId.push(text);
      }
      if (q.needProperties) propertiesId.push(view.getInt32(o + 29, true));
    }
    rest = bytes.subarray(whole);
  }
  if (rest.length > 0) throw new Error("a ClickHouse shard's event stream ended inside a row");
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
