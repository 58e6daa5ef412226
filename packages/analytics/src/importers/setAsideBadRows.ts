import type { DuckDBConnection } from "@duckdb/node-api";
import type { ImportMapping, SkippedRow } from "@opencjm/core";
import type { ColumnPlan } from "./planColumns.js";
import { ROW_PROBLEMS, rowProblemError, rowProblemSql, type RowProblem } from "./rowProblems.js";
import type { TimestampFormat } from "./timestampFormat.js";

/** How many skipped rows an import lists (it counts them all): enough to fix a file, bounded for its history entry. */
export const MAX_LISTED_SKIPPED_ROWS = 10_000;

const BAD_ROWS = "imp_bad_rows";

/**
 * Finds every staged row with a value that cannot be read (the first problem of each row, as the all-or-nothing
 * check would name it), removes those rows from the staging table and returns how many there were with the first
 * MAX_LISTED_SKIPPED_ROWS of them. One scan of the staging table; the remaining rows keep their row numbers.
 */
export async function setAsideBadRows(
  connection: DuckDBConnection,
  table: string,
  context: { plan: ColumnPlan; mapping: ImportMapping; format: TimestampFormat; file: string },
): Promise<{ count: number; rows: SkippedRow[] }> {
  const sql = rowProblemSql(context.mapping);
  const problem = `CASE ${ROW_PROBLEMS.map((p) => `WHEN ${sql[p].where} THEN '${p}'`).join(" ")} END`;
  const value = `CASE ${ROW_PROBLEMS.map((p) => `WHEN ${sql[p].where} THEN ${sql[p].value}`).join(" ")} END`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${BAD_ROWS} AS SELECT rid, problem, value FROM (SELECT rowid AS rid, ${problem} AS problem, ${value} AS value FROM ${table}) WHERE problem IS NOT NULL`,
  );
  const [[count]] = (await connection.runAndReadAll(`SELECT count(*) FROM ${BAD_ROWS}`)).getRows() as [[bigint]];
  if (count === 0n) return { count: 0, rows: [] };
  const listed = (
    await connection.runAndReadAll(
      `SELECT rid, problem, value FROM ${BAD_ROWS} ORDER BY rid LIMIT ${MAX_LISTED_SKIPPED_ROWS}`,
    )
  ).getRows() as Array<[bigint, RowProblem, string | null]>;
  await connection.run(`DELETE FROM ${table} WHERE rowid IN (SELECT rid FROM ${BAD_ROWS})`);
  const rows = listed.map(([rid, kind, raw]): SkippedRow => {
    const row = Number(rid) + 1;
    const error = rowProblemError(kind, raw, { ...context, row });
    const shown = kind === "scoreRange" && raw !== null ? (raw.split(" ")[0] ?? raw) : raw;
    return { row, column: error.column ?? null, code: error.code, value: shown || null, reason: error.reason };
  });
  return { count: Number(count), rows };
}
