import type { DuckDBConnection } from "@duckdb/node-api";
import type { StitchSources } from "./stitchIdentities.js";

// JSON numbers for values that are plainly numbers ("34", "-2.5"), so segment rules can compare them with gt/lt;
// anything else (including "007" zip codes) stays a string.
const ATTRIBUTE_JSON = `CASE WHEN regexp_full_match(value, '-?(0|[1-9][0-9]{0,14})') THEN to_json(value::BIGINT)
  WHEN regexp_full_match(value, '-?(0|[1-9][0-9]{0,14})\\.[0-9]{1,6}') THEN to_json(value::DOUBLE) ELSE to_json(value) END`;

/**
 * Writes a stitching run (temp tables `stitch_record_customer`, `stitch_merges`) into the workspace's tables, inside
 * the caller's transaction: moves existing events to their new customer ids, and rebuilds `identities` (each
 * identifier with its customer), `customers` (one row per customer, attributes with the latest value winning) and
 * `merge_log` (each record that joined two customers, as a sentence naming the row, file, source and both values).
 * The persistent record tables must already hold everything `sources` names.
 */
export async function writeStitching(connection: DuckDBConnection, sources: StitchSources, customers: number): Promise<void> {
  await connection.run(`UPDATE events SET customer_id = rc.customer_id FROM stitch_record_customer rc WHERE events.record_id = rc.record_id AND events.customer_id <> rc.customer_id`);
  await connection.run("DELETE FROM identities");
  await connection.run(`INSERT INTO identities
    SELECT k.kind, k.value, rc.customer_id FROM ${sources.recordIdentifiers} ri
    JOIN stitch_record_customer rc USING (record_id) JOIN ${sources.identifierKeys} k USING (ident_id)
    GROUP BY ALL ORDER BY rc.customer_id, k.kind, k.value`);
  await connection.run("DELETE FROM customers");
  await connection.run(`INSERT INTO customers
    SELECT c.customer_id, coalesce(a.attributes, '{}'::JSON) FROM (SELECT range::INTEGER AS customer_id FROM range(${customers})) c
    LEFT JOIN (
      SELECT customer_id, json_group_object(name, ${ATTRIBUTE_JSON}) AS attributes FROM (
        SELECT rc.customer_id, av.name, arg_max(av.value, (av.ts, av.record_id)) AS value
        FROM attribute_values av JOIN stitch_record_customer rc USING (record_id) GROUP BY ALL)
      GROUP BY customer_id) a USING (customer_id)
    ORDER BY c.customer_id`);
  await connection.run("DELETE FROM merge_log");
  await connection.run(`INSERT INTO merge_log
    SELECT m.customer_id, lk.kind, lk.value, rk.kind, rk.value,
      'row ' || r.row_number || ' of ' || i.file_name || ' (source ' || to_json(s.name) || ') has both ' || lk.kind || ' ' || to_json(lk.value) || ' and ' || rk.kind || ' ' || to_json(rk.value),
      r.source_id, r.row_number
    FROM stitch_merges m JOIN records r ON r.record_id = m.record_id
    JOIN identifier_keys lk ON lk.ident_id = m.left_ident JOIN identifier_keys rk ON rk.ident_id = m.right_ident
    LEFT JOIN imports i ON i.import_id = r.import_id LEFT JOIN sources s ON s.source_id = r.source_id
    ORDER BY m.customer_id, m.record_id, m.right_ident`);
}
