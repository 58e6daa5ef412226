import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier, sqlString } from "../engines/duckdb/sqlQuote.js";
import { ImportError, quoteValue } from "./ImportError.js";
import type { ImportMapping } from "@opencjm/core";
import { translateDuckDbError } from "./translateDuckDbError.js";

/** How a timestamp column is parsed, decided once per import. */
export type TimestampFormat =
  | { kind: "iso" }
  /** ISO 8601 read with the zone UTC for zone-less values (the fast path of `iso`). */
  | { kind: "isoUtc" }
  | { kind: "dayMonth"; order: "dmy" | "mdy"; separator: string }
  | { kind: "epoch_s" }
  | { kind: "epoch_ms" }
  | { kind: "pattern"; pattern: string; zoned: boolean };

const ISO = /^\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*(Z|z|UTC|[+-]\d{2}(:?\d{2})?)?$/;
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})([ T]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?$/;
const EPOCH_S = /^\d{9,10}(\.\d+)?$/;
const EPOCH_MS = /^\d{12,13}$/;

/** SQL regex for "ends with an explicit offset", to catch files mixing zoned and zone-less timestamps. */
export const OFFSET_SQL_REGEX = "\\d:\\d\\d(:\\d\\d([.,]\\d+)?)?\\s*(Z|z|UTC|[+-]\\d\\d(:?\\d\\d)?)$";

type Shape = "iso" | "dayMonth" | "epoch_s" | "epoch_ms";

function shapeOf(value: string): Shape | undefined {
  if (ISO.test(value)) return "iso";
  if (DAY_MONTH.test(value)) return "dayMonth";
  if (EPOCH_MS.test(value)) return "epoch_ms";
  if (EPOCH_S.test(value)) return "epoch_s";
  return undefined;
}

/**
 * Decides how to parse the timestamp column. An explicit format wins. `auto` looks at the first values: ISO 8601,
 * Unix epochs, or day/month dates. Dotted dates are day.month.year (the convention wherever dots are used); for
 * slashes and dashes the order must be decided by the data (a first part above 12 means day first, a second part
 * above 12 month first) or the import is refused as ambiguous, naming the column and an example row.
 */
export async function resolveTimestampFormat(
  connection: DuckDBConnection,
  relation: string,
  column: string,
  mapping: ImportMapping,
  file: string,
): Promise<TimestampFormat> {
  const wanted = mapping.timestampFormat;
  if (wanted.includes("%")) return { kind: "pattern", pattern: wanted, zoned: /%z|%Z/.test(wanted) };
  const iso: TimestampFormat = (mapping.timeZone ?? "UTC") === "UTC" ? { kind: "isoUtc" } : { kind: "iso" };
  if (wanted === "iso") return iso;
  if (wanted === "epoch_s" || wanted === "epoch_ms") return { kind: wanted };
  const col = sqlIdentifier(column);
  let sample: Array<[string, bigint]>;
  try {
    // A plain LIMIT keeps file order and stops reading early (a window over the file would read all of it).
    const head = (await connection.runAndReadAll(`SELECT trim(${col}) FROM ${relation} LIMIT 5000`)).getRows() as Array<
      [string | null]
    >;
    sample = head.flatMap(([v], i): Array<[string, bigint]> => (v ? [[v, BigInt(i + 1)]] : [])).slice(0, 1000);
  } catch (err) {
    throw translateDuckDbError(err, file);
  }
  const counts = new Map<Shape, number>();
  for (const [v] of sample) {
    const shape = shapeOf(v);
    if (shape) counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  const shape = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!shape) {
    const [value, rn] = sample[0] ?? ["", 1n];
    throw new ImportError(
      "bad_timestamp",
      `${quoteValue(value)} is not a date and time this importer recognises (ISO 8601, day/month/year, month/day/year or a Unix epoch); give timestampFormat as a strptime pattern`,
      { file, row: Number(rn), column },
    );
  }
  if (shape === "iso") return iso;
  if (shape !== "dayMonth") return { kind: shape };
  const first = sample.find(([v]) => DAY_MONTH.test(v))!;
  const separator = DAY_MONTH.exec(first[0])![2]!;
  if (wanted === "dmy" || wanted === "mdy") return { kind: "dayMonth", order: wanted, separator };
  if (separator === ".") return { kind: "dayMonth", order: "dmy", separator };
  return {
    kind: "dayMonth",
    order: await decideDayMonthOrder(connection, relation, column, separator, file),
    separator,
  };
}

/** Scans the whole column for a day or month part above 12, which decides the order. */
async function decideDayMonthOrder(
  connection: DuckDBConnection,
  relation: string,
  column: string,
  separator: string,
  file: string,
): Promise<"dmy" | "mdy"> {
  const col = `trim(${sqlIdentifier(column)})`;
  const part = (n: number) => `TRY_CAST(split_part(${col}, ${sqlString(separator)}, ${n}) AS INTEGER)`;
  let row: [
    number | null,
    number | null,
    bigint | null,
    bigint | null,
    string | null,
    string | null,
    string | null,
    bigint | null,
  ];
  try {
    [row] = (
      await connection.runAndReadAll(`
      SELECT max(p1), max(p2), min(rn) FILTER (WHERE p1 > 12), min(rn) FILTER (WHERE p2 > 12),
        arg_min(v, rn) FILTER (WHERE p1 > 12), arg_min(v, rn) FILTER (WHERE p2 > 12), arg_min(v, rn), min(rn)
      FROM (SELECT ${col} AS v, ${part(1)} AS p1, ${part(2)} AS p2, row_number() OVER () AS rn FROM ${relation}) WHERE v <> ''`)
    ).getRows() as [typeof row];
  } catch (err) {
    throw translateDuckDbError(err, file);
  }
  const [max1, max2, dayRow, monthRow, dayValue, monthValue, example, exampleRow] = row;
  if ((max1 ?? 0) > 12 && (max2 ?? 0) > 12) {
    throw new ImportError(
      "ambiguous_date",
      `has day-first dates (row ${dayRow}: ${quoteValue(dayValue ?? "")}) and month-first dates (row ${monthRow}: ${quoteValue(monthValue ?? "")}); give timestampFormat`,
      { file, column },
    );
  }
  if ((max1 ?? 0) > 12) return "dmy";
  if ((max2 ?? 0) > 12) return "mdy";
  throw new ImportError(
    "ambiguous_date",
    `dates like ${quoteValue(example ?? "")} (row ${exampleRow}) could be day/month/year or month/day/year, and no date in the file decides it; give timestampFormat "dmy" or "mdy" (CLI: --timestamp-format)`,
    { file, column },
  );
}

/**
 * SQL turning the text expression `value` into a UTC TIMESTAMP, NULL when it does not parse. Zone-less values are
 * read in the connection's TimeZone, which the importer sets to the mapping's zone.
 */
export function timestampSql(value: string, format: TimestampFormat): string {
  return format.kind === "isoUtc" ? zonedSql(value, format) : `(${zonedSql(value, format)}) AT TIME ZONE 'UTC'`;
}

/** The TIMESTAMPTZ expression of each format (the fast path `isoUtc` already yields a UTC TIMESTAMP). */
function zonedSql(value: string, format: TimestampFormat): string {
  switch (format.kind) {
    case "iso":
      return `TRY_CAST(replace(${value}, ',', '.') AS TIMESTAMPTZ)`;
    case "isoUtc":
      // Values ending in Z, and zone-less values read as UTC, need no time-zone arithmetic: the plain TIMESTAMP
      // cast is four times faster. Any other offset goes through TIMESTAMPTZ, which applies it.
      return `CASE WHEN ends_with(${value}, 'Z') OR NOT regexp_matches(${value}, ${sqlString(OFFSET_SQL_REGEX)}) THEN TRY_CAST(replace(${value}, ',', '.') AS TIMESTAMP) ELSE TRY_CAST(replace(${value}, ',', '.') AS TIMESTAMPTZ) AT TIME ZONE 'UTC' END`;
    case "epoch_s":
      return `to_timestamp(TRY_CAST(${value} AS DOUBLE))`;
    case "epoch_ms":
      return `make_timestamp(TRY_CAST(${value} AS BIGINT) * 1000)::TIMESTAMP AT TIME ZONE 'UTC'`;
    case "dayMonth": {
      const s = format.separator;
      const date = format.order === "dmy" ? `%d${s}%m${s}%Y` : `%m${s}%d${s}%Y`;
      const patterns = [
        `${date} %H:%M:%S`,
        `${date} %H:%M`,
        date,
        `${date} %H:%M:%S.%f`,
        `${date}T%H:%M:%S`,
        `${date}T%H:%M`,
      ];
      return `try_strptime(${value}, [${patterns.map(sqlString).join(", ")}])::TIMESTAMPTZ`;
    }
    case "pattern":
      return format.zoned
        ? `try_strptime(${value}, ${sqlString(format.pattern)})`
        : `try_strptime(${value}, ${sqlString(format.pattern)})::TIMESTAMPTZ`;
  }
}

/** How a timestamp format is named in messages and the import record. */
export function describeTimestampFormat(format: TimestampFormat): string {
  if (format.kind === "dayMonth")
    return format.order === "dmy"
      ? `day${format.separator}month${format.separator}year`
      : `month${format.separator}day${format.separator}year`;
  if (format.kind === "pattern") return format.pattern;
  return { iso: "ISO 8601", isoUtc: "ISO 8601", epoch_s: "Unix seconds", epoch_ms: "Unix milliseconds" }[format.kind];
}
