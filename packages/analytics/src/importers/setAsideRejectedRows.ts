import type { DuckDBConnection } from "@duckdb/node-api";
import type { SkippedRow } from "@opencjm/core";

/** Where DuckDB stores the rows it could not parse while reading a CSV with skipBadRows (see rejectingCsvRelation). */
const REJECTS = "imp_rejects";
const REJECTED_ROWS = "imp_rejected_rows";
const RENUMBERED = "imp_renumbered";

/** The rows DuckDB may skip: a wrong number of fields. A quote never closed swallows the rest of the file: refused. */
const SKIPPABLE = new Set(["MISSING COLUMNS", "TOO MANY COLUMNS"]);

/**
 * A CSV relation (prepareReadable's read_csv) that keeps reading past rows it cannot parse, storing them in DuckDB's
 * rejects table instead of failing; undefined for any other relation (JSON, Parquet, XES), which is left as it is.
 */
export function rejectingCsvRelation(relation: string): string | undefined {
  if (!relation.startsWith("read_csv(") || !relation.includes("ignore_errors = false")) return undefined;
  return relation.replace(
    "ignore_errors = false",
    `ignore_errors = true, store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECTS}_scans'`,
  );
}

/**
 * After a staging pass over a rejecting relation: the rows DuckDB set aside for a wrong number of fields, as skipped
 * rows (row, column, reason), with the staged rows renumbered so every row keeps its number in the file (rowid + 1 is
 * the data row, as without skipped rows). DuckDB counts a record's line as the header's 1 plus its data row, quoted
 * line breaks included. Undefined when DuckDB rejected a row for anything else (an unclosed quote): the caller then
 * refuses the file as the all-or-nothing read does.
 */
export async function setAsideRejectedRows(
  connection: DuckDBConnection,
  table: string,
  maxListed: number,
): Promise<{ count: number; rows: SkippedRow[] } | undefined> {
  const rejects = (
    await connection.runAndReadAll(
      `SELECT line - 1, min(error_type), arg_min(column_name, column_idx), min(csv_line), min(error_message)
       FROM ${REJECTS} WHERE scan_id = (SELECT max(scan_id) FROM ${REJECTS}) GROUP BY line ORDER BY line`,
    )
  ).getRows() as Array<[bigint, string, string | null, string | null, string | null]>;
  if (rejects.length === 0) return { count: 0, rows: [] };
  if (rejects.some(([, type]) => !SKIPPABLE.has(type))) return undefined;
  const [[kept]] = (await connection.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows() as [[bigint]];
  const total = Number(kept) + rejects.length;
  // The staged rows in file order with a blank row where each rejected one was, then the blanks deleted: the rowids
  // of the others are their file rows again (a delete leaves the remaining rowids as they were).
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${REJECTED_ROWS} AS SELECT DISTINCT (line - 1)::BIGINT AS row FROM ${REJECTS}
     WHERE scan_id = (SELECT max(scan_id) FROM ${REJECTS})`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${RENUMBERED} AS
    SELECT * EXCLUDE (imp_rid, imp_row) FROM (
      SELECT s.*, k.row AS imp_row
      FROM (SELECT *, rowid AS imp_rid FROM ${table}) s
      JOIN (
        SELECT r AS row, row_number() OVER (ORDER BY r) - 1 AS rid
        FROM range(1, ${total + 1}) t(r) WHERE r NOT IN (SELECT row FROM ${REJECTED_ROWS})
      ) k ON k.rid = s.imp_rid
      UNION ALL BY NAME
      SELECT row AS imp_row FROM ${REJECTED_ROWS}
    ) ORDER BY imp_row`);
  await connection.run(`DROP TABLE ${table}`);
  await connection.run(`ALTER TABLE ${RENUMBERED} RENAME TO ${table}`);
  await connection.run(`DELETE FROM ${table} WHERE rowid IN (SELECT row - 1 FROM ${REJECTED_ROWS})`);
  const rows = rejects.slice(0, maxListed).map(([row, , column, line, message]): SkippedRow => {
    const [, expected, found] = message?.match(/Expected Number of Columns: (\d+) Found: (\d+)/) ?? [];
    const text = (line ?? "").replace(/\r?\n$/, "");
    return {
      row: Number(row),
      column,
      code: "ragged_row",
      value: text.length > 200 ? `${text.slice(0, 199)}…` : text || null,
      reason:
        expected && found
          ? `has ${found} columns but the header has ${expected} (a ragged row, or an unquoted delimiter inside a value)`
          : "has a different number of columns than the header",
    };
  });
  return { count: rejects.length, rows };
}
