import { sqlIdentifier, sqlString } from "../engines/duckdb/sqlQuote.js";
import { normalizeIdentifierSql } from "../stitching/identifierSql.js";
import type { ColumnPlan } from "./planColumns.js";
import { OFFSET_SQL_REGEX, timestampSql, type TimestampFormat } from "./timestampFormat.js";

/** Settings the staging statement depends on beyond the plan. */
export interface StagingSettings {
  table: string;
  relation: string;
  timestampFormat: TimestampFormat;
  /** Record whether each timestamp carried its own offset (only needed when the mapping names no zone). */
  trackOffsets: boolean;
}

const col = (name: string) => sqlIdentifier(name);

/**
 * The names the outer query reads the file's columns by: f0, f1… in `plan.used` order. Were they passed through under
 * their own names, a file column called like a computed one ("score_text", "ts_text", or "id_0" beside the alias
 * id_0) would be read in its place, since DuckDB binds a name to the subquery's columns before the select list's
 * aliases: the stored scores or timestamps would silently be another column's.
 */
function fieldNames(plan: ColumnPlan): (column: string) => string {
  const names = new Map(plan.used.map((column, k) => [column, `f${k}`]));
  return (column) => names.get(column) ?? col(column);
}

/**
 * The one pass over the file: a temp table with every value parsed and normalised, in file order (rowid + 1 is the
 * data row). Values that fail to parse are NULL with the raw text kept beside them, so one aggregate afterwards finds
 * the first bad row of each kind. Columns: id_<i> per identifier (normalised), ts (UTC), ts_raw (when unparsed),
 * ts_offset, event_name, channel, score, score_raw, score_kind, text, properties, attr_<i>, row_hash, tuple_hash.
 */
export function stagingSql(plan: ColumnPlan, s: StagingSettings): string {
  const field = fieldNames(plan);
  const inner = plan.used.map((column) => `${col(column)} AS ${field(column)}`);
  const outer: string[] = [];
  // Identifiers are only normalised here; placeholders are found once per distinct value (screenIdentifiers).
  plan.identifiers.forEach((id, i) => outer.push(`${normalizeIdentifierSql(field(id.column), id.kind)} AS id_${i}`));

  const tsText = `nullif(trim(${col(plan.timestamp)}), '')`;
  inner.push(`${tsText} AS ts_text`, `${timestampSql(tsText, s.timestampFormat)} AS ts_utc`);
  outer.push("ts_utc AS ts", "CASE WHEN ts_utc IS NULL THEN coalesce(ts_text, '') END AS ts_raw");
  outer.push(
    s.trackOffsets && (s.timestampFormat.kind === "iso" || s.timestampFormat.kind === "isoUtc")
      ? `regexp_matches(ts_text, ${sqlString(OFFSET_SQL_REGEX)}) AS ts_offset`
      : "NULL::BOOLEAN AS ts_offset",
  );

  const valueOf = (source: ColumnPlan["event"] | undefined) => {
    if (!source) return "NULL::VARCHAR";
    if ("constant" in source) return sqlString(source.constant);
    const value = `nullif(trim(${field(source.column)}), '')`;
    return source.fallback ? `coalesce(${value}, ${sqlString(source.fallback)})` : value;
  };
  outer.push(`${valueOf(plan.event)} AS event_name`, `${valueOf(plan.channel)} AS channel`);

  if (plan.score) {
    inner.push(`nullif(trim(${col(plan.score.column)}), '') AS score_text`);
    outer.push("TRY_CAST(replace(score_text, ',', '.') AS DOUBLE) AS score", "score_text AS score_raw");
    const kind = plan.scoreKindColumn
      ? `nullif(lower(trim(${field(plan.scoreKindColumn)})), '')`
      : plan.score.kind
        ? sqlString(plan.score.kind)
        : "NULL::VARCHAR";
    outer.push(`${kind} AS score_kind`);
  } else {
    outer.push("NULL::DOUBLE AS score", "NULL::VARCHAR AS score_raw", "NULL::VARCHAR AS score_kind");
  }
  outer.push(`${plan.text ? `nullif(${field(plan.text)}, '')` : "NULL::VARCHAR"} AS text`);
  outer.push(
    plan.properties.length
      ? `json_object(${plan.properties.map((p) => `${sqlString(p.name)}, ${field(p.column)}`).join(", ")}) AS properties`
      : "NULL::JSON AS properties",
  );
  plan.attributes.forEach((a, i) => outer.push(`nullif(trim(${field(a.column)}), '') AS attr_${i}`));
  // A fingerprint of everything read from the row, to find rows repeated exactly; and one of its identifiers, so rows
  // join their identifier tuple on one integer instead of several nullable strings.
  outer.push(`hash(${plan.used.map(field).join(", ")}) AS row_hash`);
  outer.push(`hash(${plan.identifiers.map((_, i) => `id_${i}`).join(", ")}) AS tuple_hash`);

  // The outer query sees the file's columns too, as the inner one passes them through (renamed, see fieldNames).
  return `CREATE OR REPLACE TEMP TABLE ${s.table} AS SELECT ${outer.join(",\n  ")} FROM (SELECT ${inner.join(", ")} FROM ${s.relation})`;
}
