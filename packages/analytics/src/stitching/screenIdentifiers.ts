import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import type { IdentifierKind } from "@opencjm/core";
import type { ColumnPlan } from "../importers/planColumns.js";
import { isJunkIdentifierSql } from "./identifierSql.js";

/** What screening the import's identifiers found. */
export interface IdentifierScreen {
  /** Placeholder values dropped, most frequent first, with the number of rows that had them. */
  junk: Array<{ kind: IdentifierKind; value: string; count: number }>;
  /** Rows whose identifiers are all empty or placeholders: the first (1-based) and how many. */
  unidentified: { firstRow?: number; rows: number };
  /** No two identifier tuples share a hash, so rows may join their tuple on the hash alone. */
  hashIsUnique: boolean;
}

const TUPLES = "imp_tuples";
const usable = (plan: ColumnPlan) => plan.identifiers.map((_, i) => `u_${i} IS NULL`).join(" AND ");

/**
 * Groups the staged rows by their (normalised) identifiers into `imp_tuples` — one row per distinct tuple with its
 * first row and row count — and drops placeholder values there, once per tuple rather than once per row:
 * `u_<i>` is identifier i when it is usable, NULL when empty or a placeholder. Each tuple with a usable identifier
 * becomes a record: `record_id` numbers them after the workspace's last record in order of first row (NULL for the
 * others, which the import drops or refuses). Nothing persistent is written.
 */
export async function screenIdentifiers(
  connection: DuckDBConnection,
  staged: string,
  plan: ColumnPlan,
  denyList: readonly string[],
): Promise<IdentifierScreen> {
  const ids = plan.identifiers.map((_, i) => `id_${i}`).join(", ");
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE imp_groups AS SELECT tuple_hash, ${ids}, min(rowid) AS first_rowid, count(*) AS n FROM ${staged} GROUP BY tuple_hash, ${ids}`,
  );
  // The test runs on each tuple before grouping by value: grouping all values to keep the few placeholders costs
  // more than the test itself (at 10 million events 0.8 s against 1.3 s).
  const junkByColumn = plan.identifiers.map(
    (id, i) =>
      `SELECT ${i} AS col, ${sqlString(id.kind)} AS kind, id_${i} AS value, sum(n) AS rows FROM imp_groups WHERE id_${i} IS NOT NULL AND ${isJunkIdentifierSql(`id_${i}`, id.kind, denyList)} GROUP BY id_${i}`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE imp_junk AS ${junkByColumn.join(" UNION ALL ")}`);
  const joins = plan.identifiers
    .map((_, i) => `LEFT JOIN imp_junk j${i} ON j${i}.col = ${i} AND j${i}.value = g.id_${i}`)
    .join(" ");
  const cleaned = plan.identifiers
    .map((_, i) => `CASE WHEN j${i}.value IS NULL THEN g.id_${i} END AS u_${i}`)
    .join(", ");
  const hasUsable = plan.identifiers.map((_, i) => `(g.id_${i} IS NOT NULL AND j${i}.value IS NULL)`).join(" OR ");
  // Numbering the records is a window over first rows alone, joined back below: a window carrying the whole tuple
  // (its identifier strings) costs several times more (7.9 s against 0.5 + 1.4 s of CPU at 10 million events).
  const [[nextRecord]] = (
    await connection.runAndReadAll("SELECT coalesce(max(record_id) + 1, 0) FROM records")
  ).getRows() as [[bigint]];
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE imp_record_ids AS SELECT g.first_rowid, (${nextRecord} + row_number() OVER (ORDER BY g.first_rowid) - 1)::BIGINT AS record_id FROM imp_groups g ${joins} WHERE ${hasUsable}`,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${TUPLES} AS SELECT g.*, ${cleaned}, r.record_id FROM imp_groups g ${joins} LEFT JOIN imp_record_ids r ON r.first_rowid = g.first_rowid`,
  );
  await connection.run("DROP TABLE imp_groups");
  await connection.run("DROP TABLE imp_record_ids");
  const junk = (
    await connection.runAndReadAll(
      "SELECT kind, value, sum(rows) AS n FROM imp_junk GROUP BY kind, value ORDER BY n DESC, kind, value LIMIT 20",
    )
  ).getRows() as Array<[IdentifierKind, string, bigint]>;
  const [[first, rows, tuples, hashes]] = (
    await connection.runAndReadAll(
      `SELECT min(first_rowid) FILTER (WHERE ${usable(plan)}), coalesce(sum(n) FILTER (WHERE ${usable(plan)}), 0), count(*), count(DISTINCT tuple_hash) FROM ${TUPLES}`,
    )
  ).getRows() as [[bigint | null, bigint, bigint, bigint]];
  return {
    junk: junk.map(([kind, value, n]) => ({ kind, value, count: Number(n) })),
    unidentified: { firstRow: first === null ? undefined : Number(first) + 1, rows: Number(rows) },
    hashIsUnique: tuples === hashes,
  };
}

/** Leaves out the staged rows (and their tuples) that have no usable identifier. */
export async function dropUnidentified(
  connection: DuckDBConnection,
  staged: string,
  plan: ColumnPlan,
  hashIsUnique: boolean,
): Promise<void> {
  const match = hashIsUnique
    ? `t.tuple_hash = ${staged}.tuple_hash`
    : plan.identifiers.map((_, i) => `t.id_${i} IS NOT DISTINCT FROM ${staged}.id_${i}`).join(" AND ");
  const unusable = plan.identifiers.map((_, i) => `t.u_${i} IS NULL`).join(" AND ");
  await connection.run(`DELETE FROM ${staged} USING ${TUPLES} t WHERE ${unusable} AND ${match}`);
  await connection.run(`DELETE FROM ${TUPLES} WHERE ${usable(plan)}`);
}
