import type { DuckDBConnection } from "@duckdb/node-api";
import type { StitchRun, StitchSources } from "./stitchIdentities.js";

// JSON numbers for values that are plainly numbers ("34", "-2.5"), so segment rules can compare them with gt/lt;
// anything else (including "007" zip codes) stays a string.
const ATTRIBUTE_JSON = `CASE WHEN regexp_full_match(value, '-?(0|[1-9][0-9]{0,14})') THEN to_json(value::BIGINT)
  WHEN regexp_full_match(value, '-?(0|[1-9][0-9]{0,14})\\.[0-9]{1,6}') THEN to_json(value::DOUBLE) ELSE to_json(value) END`;

/**
 * Writes a stitching run (the temp tables stitchIdentities leaves) into the workspace's tables, inside the caller's
 * transaction: writeIdentities, then writeCustomers. The persistent record tables must already hold everything
 * `sources` names.
 */
export async function writeStitching(
  connection: DuckDBConnection,
  sources: StitchSources,
  run: StitchRun,
  moveEvents: boolean,
): Promise<void> {
  await writeIdentities(connection, sources, run, moveEvents);
  await writeCustomers(connection, run);
}

/**
 * Moves existing events to their new customer ids (`moveEvents`: false when the workspace had none), and rebuilds
 * `identities` (each identifier with its customer; an identifier left out of stitching once per customer it appears
 * with) and `merge_log` (each record that joined two customers: the row and file, and both identifiers), reading
 * identifiers and records from `sources`. An import passes its own temp tables there, before copying them into the
 * event tables: a join on rows written in the open transaction, which DuckDB believes empty, built its hash tables
 * on the millions of records and identifiers instead of the merges (merge_log took 11 s of CPU at 10 million events
 * instead of 5).
 */
export async function writeIdentities(
  connection: DuckDBConnection,
  sources: StitchSources,
  run: StitchRun,
  moveEvents: boolean,
): Promise<void> {
  if (moveEvents)
    await connection.run(
      `UPDATE events SET customer_id = rc.customer_id FROM stitch_record_customer rc WHERE events.record_id = rc.record_id AND events.customer_id <> rc.customer_id`,
    );
  await connection.run("DELETE FROM identities");
  await connection.run(
    `INSERT INTO identities SELECT k.kind, k.value, ic.customer_id FROM stitch_ident_customer ic JOIN ${sources.identifierKeys} k USING (ident_id)`,
  );
  if (run.ignored > 0) {
    await connection.run(`INSERT INTO identities
      SELECT DISTINCT k.kind, k.value, rc.customer_id FROM ${sources.recordIdentifiers} ri
      JOIN stitch_ignored USING (ident_id) JOIN stitch_record_customer rc USING (record_id) JOIN ${sources.identifierKeys} k USING (ident_id)`);
  }
  await connection.run("DELETE FROM merge_log");
  // The reason stays short ("row 12 of crm.csv has both", as the table's contract shows); getCustomerMergeLog
  // writes the full sentence with the source's name and both values, which are columns of their own. `seq` is the
  // order stitching made the merges in, so readers sort a customer's few rows rather than the writer all of them.
  await connection.run(`INSERT INTO merge_log
    SELECT m.customer_id, lk.kind, lk.value, rk.kind, rk.value, 'row ' || r.row_number || ' of ' || i.file_name || ' has both', r.source_id, r.row_number, m.seq
    FROM stitch_merges m JOIN ${sources.records ?? "records"} r ON r.record_id = m.record_id
    JOIN ${sources.identifierKeys} lk ON lk.ident_id = m.left_ident JOIN ${sources.identifierKeys} rk ON rk.ident_id = m.right_ident
    JOIN imports i ON i.import_id = r.import_id`);
}

/** Rebuilds `customers`: one row per customer of the run, attributes with the latest value winning. */
export async function writeCustomers(connection: DuckDBConnection, run: StitchRun): Promise<void> {
  await connection.run("DELETE FROM customers");
  await connection.run(`INSERT INTO customers
    SELECT c.customer_id, coalesce(a.attributes, '{}'::JSON) FROM (SELECT range::INTEGER AS customer_id FROM range(${run.customers})) c
    LEFT JOIN (
      SELECT customer_id, json_group_object(name, ${ATTRIBUTE_JSON}) AS attributes FROM (
        SELECT rc.customer_id, av.name, arg_max(av.value, (av.ts, av.record_id)) AS value
        FROM attribute_values av JOIN stitch_record_customer rc USING (record_id) GROUP BY ALL)
      GROUP BY customer_id) a USING (customer_id)
    ORDER BY c.customer_id`);
}
