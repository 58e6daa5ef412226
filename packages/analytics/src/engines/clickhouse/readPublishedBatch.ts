import type { ClickHouseTables } from "./clickhouseTables.js";
import type { ClickHouseEvents } from "./connectClickHouse.js";

/** The batch readers see, with the totals of the whole event set (before any filter). */
export interface PublishedBatch {
  batch: number;
  customerCount: number;
  eventCount: number;
  /** Epoch milliseconds of the first and last event (NaN when there are none). */
  minTs: number;
  maxTs: number;
}

/** The newest published batch of a workspace, or undefined when nothing was published yet. */
export async function readPublishedBatch(
  ch: ClickHouseEvents,
  tables: ClickHouseTables,
): Promise<PublishedBatch | undefined> {
  const result = await ch.shards[0]!.query({
    query: `SELECT batch, customer_count, toString(event_count), min_ts_ms, max_ts_ms FROM ${tables.published} ORDER BY batch DESC LIMIT 1`,
    format: "TabSeparated",
  });
  const line = (await result.text()).split("\n")[0];
  if (!line) return undefined;
  const [batch, customers, events, minTs, maxTs] = line.split("\t") as [string, string, string, string, string];
  const ms = (v: string) => (v === "\\N" ? NaN : Number(v));
  return {
    batch: Number(batch),
    customerCount: Number(customers),
    eventCount: Number(events),
    minTs: ms(minTs),
    maxTs: ms(maxTs),
  };
}
