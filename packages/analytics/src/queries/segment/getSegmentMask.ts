import type { SegmentRule } from "@opencjm/core";
import type { EventDatabase } from "../../engines/duckdb/openEventDatabase.js";
import { sharedArray } from "../../store/journeyStoreFile.js";
import { segmentConditionSql } from "./segmentConditionSql.js";

/**
 * Which customers a segment rule selects, as a 0/1 mask over customer numbers `0…customerCount-1`. Customers without
 * a row in `customers` are judged on empty attributes (so `neq` selects them, `eq` does not).
 */
export async function getSegmentMask(db: EventDatabase, rule: SegmentRule, customerCount: number): Promise<Uint8Array> {
  const condition = segmentConditionSql(rule);
  // Its own connection: a streamed result must not interleave with other queries on the shared one.
  const connection = await db.instance.connect();
  try {
    const [[emptyMatches]] = (
      await connection.runAndReadAll(`SELECT ${segmentConditionSql(rule, "'{}'::JSON")}`)
    ).getRows() as [[boolean]];
    const mask = sharedArray("u8", customerCount);
    if (emptyMatches) mask.fill(1);
    const result = await connection.stream(
      `SELECT customer_id, ${condition} FROM customers WHERE customer_id >= 0 AND customer_id < ${customerCount}`,
    );
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const ids = chunk.getColumnVector(0);
      const hits = chunk.getColumnVector(1);
      for (let i = 0; i < chunk.rowCount; i++) mask[ids.getItem(i) as number] = hits.getItem(i) ? 1 : 0;
    }
    return mask;
  } finally {
    connection.closeSync();
  }
}
