import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier } from "../engines/duckdb/sqlQuote.js";
import { ImportError, quoteValue } from "./ImportError.js";
import { dropUnidentified, type IdentifierScreen } from "../stitching/screenIdentifiers.js";
import { ImportErrorCodeSchema, type IdentifierKind, type ImportMapping, type SkippedRow } from "@opencjm/core";
import type { ColumnPlan } from "./planColumns.js";
import { ROW_PROBLEMS, rowProblemError, rowProblemSql } from "./rowProblems.js";
import type { TimestampFormat } from "./timestampFormat.js";

/** What the checks learnt about the staged rows. */
export interface StagedSummary {
  rows: number;
  duplicatesSkipped: number;
  rowsWithoutIdentifierSkipped: number;
  /** Rows set aside for a value that cannot be read (only with skipBadRows): how many, and the first of them. */
  badRows: { count: number; rows: SkippedRow[] };
  /** Placeholder identifiers dropped, most frequent first. */
  junk: Array<{ kind: IdentifierKind; value: string; count: number }>;
}

type Problem = { row: number; error: ImportError };

const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

/**
 * Checks every staged row in one aggregate and refuses the file at the earliest bad row: unparsed or missing
 * timestamps, missing event names, non-numeric or out-of-scale scores, unknown score kinds, rows with no usable
 * identifier, a mix of zoned and zone-less timestamps, and exact duplicate rows. Rows the mapping says to skip
 * (duplicates, rows without identifier) are deleted from the staging table here; `badRows` are the rows already set
 * aside for unreadable values (skipBadRows), counted among the rows read.
 */
export async function checkStaged(
  connection: DuckDBConnection,
  table: string,
  plan: ColumnPlan,
  mapping: ImportMapping,
  format: TimestampFormat,
  file: string,
  relation: string,
  screen: IdentifierScreen,
  badRows: StagedSummary["badRows"] = { count: 0, rows: [] },
): Promise<StagedSummary> {
  const sql = rowProblemSql(mapping);
  const firstOf = ROW_PROBLEMS.map(
    (p) => `min(rowid) FILTER (WHERE ${sql[p].where}), arg_min(${sql[p].value}, rowid) FILTER (WHERE ${sql[p].where})`,
  );
  const [row] = (
    await connection.runAndReadAll(`SELECT count(*), ${firstOf.join(", ")},
      min(rowid) FILTER (WHERE ts_offset), min(rowid) FILTER (WHERE NOT ts_offset),
      count(DISTINCT row_hash)
    FROM ${table}`)
  ).getRows() as unknown[][];
  const r = row!;
  const total = Number(r[0]) + badRows.count;
  if (total === 0) throw new ImportError("header_only", "the file has a header but no data rows", { file });
  const problems: Problem[] = [];
  ROW_PROBLEMS.forEach((p, i) => {
    const at = num(r[1 + 2 * i]);
    if (at === undefined) return;
    const value = r[2 + 2 * i];
    const error = rowProblemError(p, value === null || value === undefined ? null : String(value), {
      plan,
      mapping,
      format,
      file,
      row: at + 1,
    });
    problems.push({ row: at + 1, error });
  });
  const after = 1 + 2 * ROW_PROBLEMS.length;
  if (mapping.rowsWithoutIdentifier === "error" && screen.unidentified.firstRow !== undefined) {
    const row = screen.unidentified.firstRow;
    problems.push({
      row,
      error: new ImportError("missing_identifier", missingIdentifierReason(plan), {
        file,
        row,
        column: plan.identifiers[0]?.column,
      }),
    });
  }
  if (num(r[after]) !== undefined && num(r[after + 1]) !== undefined) {
    const [zoned, plain] = [num(r[after])! + 1, num(r[after + 1])! + 1];
    const values = await rawValues(connection, relation, plan.timestamp, [zoned, plain]);
    problems.push({
      row: Math.max(zoned, plain),
      error: new ImportError(
        "mixed_time_zones",
        `mixes timestamps with an offset (row ${zoned}: ${quoteValue(values.get(zoned) ?? "")}) and without one (row ${plain}: ${quoteValue(values.get(plain) ?? "")}); give the time zone of the ones without (mapping timeZone, CLI --time-zone)`,
        { file, column: plan.timestamp },
      ),
    });
  }
  let duplicatesSkipped = 0;
  if (Number(r[after + 2]) < Number(r[0]) && mapping.duplicates !== "keep") {
    const found = await duplicates(connection, table, plan);
    if (found.first && mapping.duplicates === "error") {
      const [original, repeat] = found.first;
      problems.push({
        row: repeat,
        error: new ImportError(
          "duplicate_event",
          `repeats row ${original} exactly (${found.count} repeated row${found.count === 1 ? "" : "s"} in the file); set duplicates to "skip" to import each event once`,
          { file, row: repeat },
        ),
      });
    }
    if (found.count && mapping.duplicates === "skip") {
      await connection.run(`DELETE FROM ${table} WHERE rowid IN (SELECT repeat FROM ${REPEATS})`);
      duplicatesSkipped = found.count;
    }
  }
  problems.sort((a, b) => a.row - b.row);
  if (problems[0]) throw problems[0].error;
  let rowsWithoutIdentifierSkipped = 0;
  if (mapping.rowsWithoutIdentifier === "skip" && screen.unidentified.rows > 0) {
    await dropUnidentified(connection, table, plan, screen.hashIsUnique);
    rowsWithoutIdentifierSkipped = screen.unidentified.rows;
  }
  if (badRows.count >= total) throw allRowsBad(badRows.rows[0], total, file);
  if (rowsWithoutIdentifierSkipped + duplicatesSkipped + badRows.count >= total)
    throw new ImportError("missing_identifier", `none of the ${total} rows has a usable identifier`, { file });
  return { rows: total, duplicatesSkipped, rowsWithoutIdentifierSkipped, badRows, junk: screen.junk };
}

/** Every row was set aside: nothing would be imported, so the file is refused with the first row's fault. */
function allRowsBad(first: SkippedRow | undefined, total: number, file: string): ImportError {
  return new ImportError(
    ImportErrorCodeSchema.catch("malformed_file").parse(first?.code),
    `${first?.reason ?? "cannot be read"}; none of the ${total} rows can be read, so there is nothing to import`,
    { file, row: first?.row, column: first?.column ?? undefined },
  );
}

function missingIdentifierReason(plan: ColumnPlan): string {
  const names = plan.identifiers.map((i) => `"${i.column}"`).join(", ");
  return `has no usable customer identifier (${names} ${plan.identifiers.length === 1 ? "is" : "are"} empty or a placeholder such as "null" or "test@test.com"); set rowsWithoutIdentifier to "skip" to leave such rows out`;
}

const REPEATS = "imp_repeated_rows";

/**
 * Finds every row that repeats an earlier one exactly, as (first row id, repeating row id) in a temp table: rows
 * with the same fingerprint and the same parsed values form one group, whose earliest row is the one the others
 * repeat. One window over the table, so a file of a million identical rows costs what any million rows cost (a
 * self-join of the rows sharing a fingerprint was quadratic in the size of each group).
 */
function repeatedRowsSql(table: string, plan: ColumnPlan): string {
  const columns = [
    "row_hash",
    "ts",
    "event_name",
    "channel",
    "score",
    "score_kind",
    "text",
    "properties::VARCHAR",
    ...plan.identifiers.map((_, i) => `id_${i}`),
    ...plan.attributes.map((_, i) => `attr_${i}`),
  ];
  // A partition puts NULLs together, as IS NOT DISTINCT FROM does.
  return `CREATE OR REPLACE TEMP TABLE ${REPEATS} AS SELECT first, repeat FROM (SELECT rowid AS repeat, min(rowid) OVER (PARTITION BY ${columns.join(", ")}) AS first FROM ${table}) WHERE repeat <> first`;
}

/** How many rows repeat an earlier one, and the first such pair as 1-based rows. */
async function duplicates(
  connection: DuckDBConnection,
  table: string,
  plan: ColumnPlan,
): Promise<{ count: number; first?: [number, number] }> {
  await connection.run(repeatedRowsSql(table, plan));
  const [[count, first, repeat]] = (
    await connection.runAndReadAll(`SELECT count(*), arg_min(first, repeat), min(repeat) FROM ${REPEATS}`)
  ).getRows() as [[bigint, bigint | null, bigint | null]];
  return {
    count: Number(count),
    first: first === null || repeat === null ? undefined : [Number(first) + 1, Number(repeat) + 1],
  };
}

/** The raw text of one column at some data rows, read again from the file for a message. */
async function rawValues(
  connection: DuckDBConnection,
  relation: string,
  column: string,
  rows: number[],
): Promise<Map<number, string>> {
  const c = sqlIdentifier(column);
  const found = (
    await connection.runAndReadAll(
      `SELECT rn, ${c} FROM (SELECT ${c}, row_number() OVER () AS rn FROM ${relation}) WHERE rn IN (${rows.join(", ")})`,
    )
  ).getRows() as Array<[bigint, string]>;
  return new Map(found.map(([rn, v]) => [Number(rn), v]));
}
