import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier, sqlString } from "../engines/duckdb/sqlQuote.js";
import { ImportError } from "./ImportError.js";
import { translateDuckDbError } from "./translateDuckDbError.js";

const objectsOf = (path: string, format: "json" | "ndjson") =>
  format === "ndjson"
    ? `read_ndjson_objects(${sqlString(path)})`
    : `read_json_objects(${sqlString(path)}, format = 'array')`;

/**
 * The keys of a JSON/NDJSON file's records in first-seen order (a full scan: records need not share keys). Every
 * record must be an object; the first that is not is named by its row.
 */
export async function jsonColumns(
  connection: DuckDBConnection,
  path: string,
  format: "json" | "ndjson",
  file: string,
): Promise<string[]> {
  try {
    const rows = (
      await connection.runAndReadAll(`
        WITH records AS (SELECT json, row_number() OVER () AS rn FROM ${objectsOf(path, format)}),
        bad AS (SELECT min(rn) AS rn, count(*) AS n FROM records WHERE json_type(json) <> 'OBJECT'),
        keyed AS (SELECT rn, json_keys(json) AS ks FROM records WHERE json_type(json) = 'OBJECT'),
        keys AS (SELECT unnest(ks) AS k, generate_subscripts(ks, 1) AS i, rn FROM keyed)
        SELECT k, (SELECT rn FROM bad), (SELECT count(*) FROM records) FROM keys GROUP BY k ORDER BY min(rn), min(i)`)
    ).getRows() as Array<[string, bigint | null, bigint]>;
    const bad = rows[0]?.[1];
    if (bad !== null && bad !== undefined)
      throw new ImportError("malformed_file", "is not a JSON object; every record must be an object of fields", {
        file,
        row: Number(bad),
      });
    if (rows.length === 0) {
      const [[count]] = (
        await connection.runAndReadAll(`SELECT count(*) FROM ${objectsOf(path, format)}`)
      ).getRows() as [[bigint]];
      throw new ImportError("header_only", count > 0n ? "the records have no fields" : "the file has no records", {
        file,
      });
    }
    return rows.map((r) => r[0]);
  } catch (err) {
    throw translateDuckDbError(err, file);
  }
}

/** A relation with each JSON key as a VARCHAR column (nested values as JSON text). */
export function jsonRelation(path: string, format: "json" | "ndjson", keys: readonly string[]): string {
  const fields = keys.map((k) => `json ->> ${sqlString(k)} AS ${sqlIdentifier(k)}`).join(", ");
  return `(SELECT ${fields} FROM ${objectsOf(path, format)})`;
}

/** The column names of a Parquet file. */
export async function parquetColumns(connection: DuckDBConnection, path: string, file: string): Promise<string[]> {
  try {
    const rows = (
      await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`)
    ).getRows() as Array<[string]>;
    const [[count]] = (
      await connection.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(path)})`)
    ).getRows() as [[bigint]];
    if (count === 0n) throw new ImportError("header_only", `the file has ${rows.length} columns but no rows`, { file });
    return rows.map((r) => r[0]);
  } catch (err) {
    throw translateDuckDbError(err, file);
  }
}

/** A relation with every Parquet column cast to VARCHAR (timestamps keep their offset, so they parse back exactly). */
export function parquetRelation(path: string, columns: readonly string[]): string {
  const fields = columns.map((c) => `CAST(${sqlIdentifier(c)} AS VARCHAR) AS ${sqlIdentifier(c)}`).join(", ");
  return `(SELECT ${fields} FROM read_parquet(${sqlString(path)}))`;
}
