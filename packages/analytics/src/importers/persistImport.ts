import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { IMPORT_TABLES, importRecordRows, tupleJoin } from "../stitching/assignRecords.js";
import type { ColumnPlan } from "./planColumns.js";

/**
 * Inside the import's transaction: stores the import's records, new identifier values, record identifiers and
 * customer attributes (the latest value per record and attribute), then its events with their stitched customer.
 * Returns the number of events stored.
 */
export async function persistImport(
  connection: DuckDBConnection,
  staged: string,
  plan: ColumnPlan,
  ids: { importId: string; sourceId: string; hashIsUnique: boolean },
): Promise<number> {
  const importId = sqlString(ids.importId);
  const sourceId = sqlString(ids.sourceId);
  await connection.run(`INSERT INTO records ${importRecordRows(ids.importId, ids.sourceId)}`);
  await connection.run(
    `INSERT INTO identifier_keys SELECT ident_id, kind, value FROM ${IMPORT_TABLES.keys} WHERE is_new`,
  );
  await connection.run(
    `INSERT INTO record_identifiers SELECT record_id, ident_id FROM ${IMPORT_TABLES.recordIdentifiers}`,
  );
  const ids_ = plan.identifiers.map((_, i) => `id_${i}`).join(", ");
  for (const [i, attribute] of plan.attributes.entries()) {
    await connection.run(`INSERT INTO attribute_values
      SELECT t.record_id, ${sqlString(attribute.name)}, a.value, a.ts FROM (
        SELECT ${ids_}, arg_max(attr_${i}, (ts, rowid)) AS value, max(ts) AS ts FROM ${staged} WHERE attr_${i} IS NOT NULL GROUP BY ${ids_}
      ) a JOIN ${IMPORT_TABLES.tuples} t ON ${tupleJoin(plan, "a", "t", false)}`);
  }
  // Customers per tuple first (small), so the big join below is one hash join of the staged rows; it carries the
  // identifier values only when the tuples must be matched on them (see tupleJoin).
  const carried = ids.hashIsUnique ? "" : `${plan.identifiers.map((_, i) => `t.id_${i}`).join(", ")}, `;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE imp_tuple_customer AS SELECT ${carried}t.tuple_hash, t.record_id, rc.customer_id FROM ${IMPORT_TABLES.tuples} t JOIN stitch_record_customer rc ON rc.record_id = t.record_id`,
  );
  const [[count]] = (
    await connection.runAndReadAll(`INSERT INTO events
      SELECT ${importId}, ${sourceId}, s.rowid + 1, t.record_id, t.customer_id, s.ts, s.event_name, s.channel, s.score, s.score_kind, s.text, s.properties
      FROM ${staged} s JOIN imp_tuple_customer t ON ${tupleJoin(plan, "s", "t", ids.hashIsUnique)}`)
  ).getRows() as [[bigint]];
  return Number(count);
}

/**
 * The first staged row that repeats an event this source already has (same customer after stitching, time, event,
 * channel, score, text and properties), as [row, earlier import, its row]; or, with `remove`, deletes all such rows
 * and returns how many there were. The source's events are grouped by event first, so each staged row meets at most
 * one group: identical events on both sides cost what other events cost instead of every pair.
 */
export async function findRepeatedEvents(
  connection: DuckDBConnection,
  staged: string,
  plan: ColumnPlan,
  sourceId: string,
  hashIsUnique: boolean,
): Promise<{ count: number; first?: { row: number; importId: string; earlierRow: number } }> {
  const [[existing]] = (
    await connection.runAndReadAll(`SELECT count(*) FROM events WHERE source_id = ${sqlString(sourceId)}`)
  ).getRows() as [[bigint]];
  if (existing === 0n) return { count: 0 };
  await connection.run(`CREATE OR REPLACE TEMP TABLE imp_repeats AS
    WITH mine AS (SELECT s.rowid AS rid, s.*, rc.customer_id FROM ${staged} s JOIN ${IMPORT_TABLES.tuples} t ON ${tupleJoin(plan, "s", "t", hashIsUnique)} JOIN stitch_record_customer rc ON rc.record_id = t.record_id),
    theirs AS (SELECT rc.customer_id AS now_customer, e.ts, e.event_name, e.channel, e.score, e.text, e.properties::VARCHAR AS props, min(e.import_id) AS import_id, min(e.row_number) AS earlier_row
      FROM events e JOIN stitch_record_customer rc ON rc.record_id = e.record_id WHERE e.source_id = ${sqlString(sourceId)} GROUP BY ALL)
    SELECT m.rid, e.import_id, e.earlier_row FROM mine m JOIN theirs e
      ON e.now_customer = m.customer_id AND e.ts = m.ts AND e.event_name = m.event_name AND e.channel IS NOT DISTINCT FROM m.channel
      AND e.score IS NOT DISTINCT FROM m.score AND e.text IS NOT DISTINCT FROM m.text AND e.props IS NOT DISTINCT FROM m.properties::VARCHAR`);
  const [[count, rid, importId, earlierRow]] = (
    await connection.runAndReadAll(
      "SELECT count(*), min(rid), arg_min(import_id, rid), arg_min(earlier_row, rid) FROM imp_repeats",
    )
  ).getRows() as [[bigint, bigint | null, string | null, bigint | null]];
  if (count === 0n || rid === null) return { count: 0 };
  return { count: Number(count), first: { row: Number(rid) + 1, importId: importId!, earlierRow: Number(earlierRow) } };
}

/** Drops the staged rows found by findRepeatedEvents. */
export async function dropRepeatedEvents(connection: DuckDBConnection, staged: string): Promise<void> {
  await connection.run(`DELETE FROM ${staged} WHERE rowid IN (SELECT rid FROM imp_repeats)`);
}
