import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier, sqlString } from "../engines/duckdb/sqlQuote.js";
import { ImportError, quoteValue } from "./ImportError.js";
import { dropUnidentified, type IdentifierScreen } from "../stitching/screenIdentifiers.js";
import type { IdentifierKind, ImportMapping, ScoreKind } from "@opencjm/core";
import type { ColumnPlan } from "./planColumns.js";
import { describeTimestampFormat, type TimestampFormat } from "./timestampFormat.js";

/** What the checks learnt about the staged rows. */
export interface StagedSummary {
  rows: number;
  duplicatesSkipped: number;
  rowsWithoutIdentifierSkipped: number;
  /** Placeholder identifiers dropped, most frequent first. */
  junk: Array<{ kind: IdentifierKind; value: string; count: number }>;
}

type Problem = { row: number; error: ImportError };

/** The usual range of each score scale; values outside it are refused unless the mapping gives `scoreRange`. */
const SCORE_RANGES: Record<ScoreKind, [number, number]> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };

const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

function scoreOutOfRangeSql(mapping: ImportMapping): string {
  if (mapping.scoreRange) return `(score NOT BETWEEN ${mapping.scoreRange[0]} AND ${mapping.scoreRange[1]})`;
  const cases = Object.entries(SCORE_RANGES).map(
    ([kind, [lo, hi]]) => `WHEN ${sqlString(kind)} THEN score NOT BETWEEN ${lo} AND ${hi}`,
  );
  return `(CASE score_kind ${cases.join(" ")} ELSE false END)`;
}

/**
 * Checks every staged row in one aggregate and refuses the file at the earliest bad row: unparsed or missing
 * timestamps, missing event names, non-numeric or out-of-scale scores, unknown score kinds, rows with no usable
 * identifier, a mix of zoned and zone-less timestamps, and exact duplicate rows. Rows the mapping says to skip
 * (duplicates, rows without identifier) are deleted from the staging table here.
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
): Promise<StagedSummary> {
  const outOfRange = scoreOutOfRangeSql(mapping);
  const [row] = (
    await connection.runAndReadAll(`SELECT count(*),
      min(rowid) FILTER (WHERE ts IS NULL), arg_min(ts_raw, rowid) FILTER (WHERE ts IS NULL),
      min(rowid) FILTER (WHERE event_name IS NULL),
      min(rowid) FILTER (WHERE score_raw IS NOT NULL AND score IS NULL), arg_min(score_raw, rowid) FILTER (WHERE score_raw IS NOT NULL AND score IS NULL),
      min(rowid) FILTER (WHERE score IS NOT NULL AND score_kind NOT IN ('csat', 'nps', 'ces')), arg_min(score_kind, rowid) FILTER (WHERE score IS NOT NULL AND score_kind NOT IN ('csat', 'nps', 'ces')),
      min(rowid) FILTER (WHERE score IS NOT NULL AND ${outOfRange}), arg_min(score_raw || ' ' || coalesce(score_kind, ''), rowid) FILTER (WHERE score IS NOT NULL AND ${outOfRange}),
      min(rowid) FILTER (WHERE ts_offset), min(rowid) FILTER (WHERE NOT ts_offset),
      count(DISTINCT row_hash)
    FROM ${table}`)
  ).getRows() as unknown[][];
  const r = row!;
  const total = Number(r[0]);
  if (total === 0) throw new ImportError("header_only", "the file has a header but no data rows", { file });
  const problems: Problem[] = [];
  const add = (rowid: unknown, make: (row: number) => ImportError) => {
    const at = num(rowid);
    if (at !== undefined) problems.push({ row: at + 1, error: make(at + 1) });
  };
  add(r[1], (n) =>
    r[2] === ""
      ? new ImportError("bad_timestamp", "has no timestamp", { file, row: n, column: plan.timestamp })
      : new ImportError(
          "bad_timestamp",
          `${quoteValue(String(r[2]))} is not a valid timestamp (${describeTimestampFormat(format)}, as in the other rows)`,
          { file, row: n, column: plan.timestamp },
        ),
  );
  add(
    r[3],
    (n) =>
      new ImportError("missing_event", "has no event name; fill it in or give the mapping an eventName for such rows", {
        file,
        row: n,
        column: "column" in plan.event ? plan.event.column : undefined,
      }),
  );
  add(
    r[4],
    (n) =>
      new ImportError("bad_score", `${quoteValue(String(r[5]))} is not a number`, {
        file,
        row: n,
        column: plan.score?.column,
      }),
  );
  add(
    r[6],
    (n) =>
      new ImportError("bad_score", `${quoteValue(String(r[7]))} is not a score kind (csat, nps or ces)`, {
        file,
        row: n,
        column: plan.scoreKindColumn,
      }),
  );
  add(r[8], (n) => {
    const [value = "", kind = ""] = String(r[9]).split(" ");
    const [lo, hi] = mapping.scoreRange ?? SCORE_RANGES[kind as keyof typeof SCORE_RANGES];
    return new ImportError(
      "bad_score",
      `${value} is outside the ${kind ? `${kind.toUpperCase()} ` : ""}scale ${lo}–${hi}; give scoreRange if the file uses another scale`,
      { file, row: n, column: plan.score?.column },
    );
  });
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
  if (num(r[10]) !== undefined && num(r[11]) !== undefined) {
    const [zoned, plain] = [num(r[10])! + 1, num(r[11])! + 1];
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
  if (Number(r[12]) < total && mapping.duplicates !== "keep") {
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
  if (rowsWithoutIdentifierSkipped + duplicatesSkipped >= total)
    throw new ImportError("missing_identifier", `none of the ${total} rows has a usable identifier`, { file });
  return { rows: total, duplicatesSkipped, rowsWithoutIdentifierSkipped, junk: screen.junk };
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
