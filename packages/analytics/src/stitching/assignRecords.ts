import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import type { ColumnPlan } from "../importers/planColumns.js";
import type { StitchSources } from "./stitchIdentities.js";

/** Names of the temp tables one import's records live in until they are committed. */
export const IMPORT_TABLES = { tuples: "imp_tuples", keys: "imp_keys", recordIdentifiers: "imp_ri" } as const;

/** This import's records as rows of `records` `(record_id, import_id, source_id, row_number)`: a SELECT. */
export function importRecordRows(importId: string, sourceId: string): string {
  return `SELECT record_id, ${sqlString(importId)}, ${sqlString(sourceId)}, first_rowid + 1 FROM ${IMPORT_TABLES.tuples}`;
}

/**
 * SQL joining a staged row to its identifier tuple: on the tuple's hash alone when no two tuples of the import share
 * one (checked by assignRecords), else on every identifier (which may be NULL, so IS NOT DISTINCT FROM).
 */
export function tupleJoin(plan: ColumnPlan, staged: string, tuples: string, hashIsUnique: boolean): string {
  if (hashIsUnique) return `${staged}.tuple_hash = ${tuples}.tuple_hash`;
  return plan.identifiers.map((_, i) => `${staged}.id_${i} IS NOT DISTINCT FROM ${tuples}.id_${i}`).join(" AND ");
}

/**
 * For this import's records (`imp_tuples`, numbered by screenIdentifiers): gives new identifier values ids after the
 * last one (`imp_keys`, with `is_new`) and lists each record's usable identifiers (`imp_ri`). Nothing persistent is
 * written.
 */
export async function assignRecords(
  connection: DuckDBConnection,
  plan: ColumnPlan,
): Promise<{ records: number; newIdentifiers: number }> {
  const [[nextIdent]] = (
    await connection.runAndReadAll("SELECT coalesce(max(ident_id) + 1, 0) FROM identifier_keys")
  ).getRows() as [[bigint]];
  // New identifiers are numbered in order of first appearance (row, then column): a total order on integers, cheaper
  // to sort than the values themselves.
  const width = plan.identifiers.length;
  const values = plan.identifiers
    .map(
      (id, i) =>
        `SELECT ${sqlString(id.kind)} AS kind, u_${i} AS value, first_rowid * ${width} + ${i} AS seen FROM ${IMPORT_TABLES.tuples} WHERE u_${i} IS NOT NULL`,
    )
    .join(" UNION ALL ");
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${IMPORT_TABLES.keys} AS
    WITH found AS (SELECT kind, value, min(seen) AS first FROM (${values}) GROUP BY kind, value),
    known AS (SELECT f.kind, f.value, f.first, k.ident_id FROM found f LEFT JOIN identifier_keys k ON k.kind = f.kind AND k.value = f.value)
    SELECT kind, value, ident_id, false AS is_new FROM known WHERE ident_id IS NOT NULL
    UNION ALL
    SELECT kind, value, (${nextIdent} + row_number() OVER (ORDER BY first) - 1)::BIGINT, true FROM known WHERE ident_id IS NULL`);
  // A record can hold one identifier twice only when two columns have the same kind; otherwise the pairs are distinct
  // already and the de-duplicating UNION would be a wasted hash aggregate over all of them.
  const kinds = new Set(plan.identifiers.map((id) => id.kind));
  const pairs = plan.identifiers
    .map(
      (id, i) =>
        `SELECT t.record_id, k.ident_id FROM ${IMPORT_TABLES.tuples} t JOIN ${IMPORT_TABLES.keys} k ON k.kind = ${sqlString(id.kind)} AND k.value = t.u_${i}`,
    )
    .join(kinds.size === plan.identifiers.length ? " UNION ALL " : " UNION ");
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${IMPORT_TABLES.recordIdentifiers} AS ${pairs}`);
  const [[records, fresh]] = (
    await connection.runAndReadAll(
      `SELECT (SELECT count(*) FROM ${IMPORT_TABLES.tuples}), (SELECT count(*) FROM ${IMPORT_TABLES.keys} WHERE is_new)`,
    )
  ).getRows() as [[bigint, bigint]];
  return { records: Number(records), newIdentifiers: Number(fresh) };
}

/**
 * Every record and identifier of the workspace plus this import's (optionally without one source's records). With
 * `importRecords`, the records relation includes this import's records too, named by its import and source.
 */
export function stitchSourcesWithImport(options: {
  withImport: boolean;
  withoutSource?: string;
  importRecords?: { importId: string; sourceId: string };
}): StitchSources {
  const kept = options.withoutSource
    ? ` WHERE record_id IN (SELECT record_id FROM records WHERE source_id <> ${sqlString(options.withoutSource)})`
    : "";
  const recordIdentifiers = `(SELECT record_id, ident_id FROM record_identifiers${kept}${options.withImport ? ` UNION ALL SELECT record_id, ident_id FROM ${IMPORT_TABLES.recordIdentifiers}` : ""})`;
  const identifierKeys = `(SELECT ident_id, kind, value FROM identifier_keys${options.withImport ? ` UNION ALL SELECT ident_id, kind, value FROM ${IMPORT_TABLES.keys} WHERE is_new` : ""})`;
  const mine = options.importRecords;
  const records = mine
    ? `(SELECT record_id, import_id, source_id, row_number FROM records UNION ALL ${importRecordRows(mine.importId, mine.sourceId)})`
    : undefined;
  return { recordIdentifiers, identifierKeys, records };
}
