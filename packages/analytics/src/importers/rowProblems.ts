import { sqlString } from "../engines/duckdb/sqlQuote.js";
import type { ImportMapping, ScoreKind } from "@opencjm/core";
import { ImportError, quoteValue } from "./ImportError.js";
import type { ColumnPlan } from "./planColumns.js";
import { describeTimestampFormat, type TimestampFormat } from "./timestampFormat.js";

/** What can be wrong with one staged row's values, in the order a row is judged (the first that applies wins). */
export const ROW_PROBLEMS = ["timestamp", "event", "scoreNumber", "scoreKind", "scoreRange"] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

/** The usual range of each score scale; values outside it are refused unless the mapping gives `scoreRange`. */
const SCORE_RANGES: Record<ScoreKind, [number, number]> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };

function scoreOutOfRangeSql(mapping: ImportMapping): string {
  if (mapping.scoreRange) return `(score NOT BETWEEN ${mapping.scoreRange[0]} AND ${mapping.scoreRange[1]})`;
  const cases = Object.entries(SCORE_RANGES).map(
    ([kind, [lo, hi]]) => `WHEN ${sqlString(kind)} THEN score NOT BETWEEN ${lo} AND ${hi}`,
  );
  return `(CASE score_kind ${cases.join(" ")} ELSE false END)`;
}

/** Per problem, the SQL condition over the staging table that finds it, and the raw text that shows it. */
export function rowProblemSql(mapping: ImportMapping): Record<RowProblem, { where: string; value: string }> {
  const outOfRange = scoreOutOfRangeSql(mapping);
  return {
    timestamp: { where: "ts IS NULL", value: "ts_raw" },
    event: { where: "event_name IS NULL", value: "NULL::VARCHAR" },
    scoreNumber: { where: "score_raw IS NOT NULL AND score IS NULL", value: "score_raw" },
    scoreKind: { where: "score IS NOT NULL AND score_kind NOT IN ('csat', 'nps', 'ces')", value: "score_kind" },
    scoreRange: { where: `score IS NOT NULL AND ${outOfRange}`, value: "score_raw || ' ' || coalesce(score_kind, '')" },
  };
}

/** How each problem reads to the user: its error code, the column it is in and the sentence naming the value. */
export function rowProblemError(
  problem: RowProblem,
  value: string | null,
  where: { plan: ColumnPlan; mapping: ImportMapping; format: TimestampFormat; file: string; row: number },
): ImportError {
  const { plan, mapping, format, file, row } = where;
  const text = value ?? "";
  switch (problem) {
    case "timestamp":
      return text === ""
        ? new ImportError("bad_timestamp", "has no timestamp", { file, row, column: plan.timestamp })
        : new ImportError(
            "bad_timestamp",
            `${quoteValue(text)} is not a valid timestamp (${describeTimestampFormat(format)}, as in the other rows)`,
            { file, row, column: plan.timestamp },
          );
    case "event":
      return new ImportError(
        "missing_event",
        "has no event name; fill it in or give the mapping an eventName for such rows",
        { file, row, column: "column" in plan.event ? plan.event.column : undefined },
      );
    case "scoreNumber":
      return new ImportError("bad_score", `${quoteValue(text)} is not a number`, {
        file,
        row,
        column: plan.score?.column,
      });
    case "scoreKind":
      return new ImportError("bad_score", `${quoteValue(text)} is not a score kind (csat, nps or ces)`, {
        file,
        row,
        column: plan.scoreKindColumn,
      });
    case "scoreRange": {
      const [score = "", kind = ""] = text.split(" ");
      const [lo, hi] = mapping.scoreRange ?? SCORE_RANGES[kind as ScoreKind];
      return new ImportError(
        "bad_score",
        `${score} is outside the ${kind ? `${kind.toUpperCase()} ` : ""}scale ${lo}–${hi}; give scoreRange if the file uses another scale`,
        { file, row, column: plan.score?.column },
      );
    }
  }
}
