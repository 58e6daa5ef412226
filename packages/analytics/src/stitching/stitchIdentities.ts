import type { DuckDBConnection } from "@duckdb/node-api";
import { overCapCandidates, type IdentifierPairs } from "./identifierPairs.js";
import { UnionFind } from "./UnionFind.js";

/** Limits on what may be joined. */
export interface StitchingLimits {
  /** One identifier may link at most this many distinct identifiers of any one other kind. */
  maxLinksPerIdentifier: number;
  /** Over the limit: refuse the import (default) or leave that identifier out of stitching. */
  onOverCap: "fail" | "ignore";
}

/** Default limits: a person has a handful of e-mails and phones and at most dozens of cookies; a value shared by more is a placeholder or a shared account. */
export const DEFAULT_STITCHING_LIMITS: StitchingLimits = { maxLinksPerIdentifier: 100, onOverCap: "fail" };

/** An identifier linked to more identifiers of one kind than the limit allows. */
export interface OverCapIdentifier {
  identId: number;
  kind: string;
  value: string;
  partnerKind: string;
  partners: number;
}

/** The outcome of one stitching run over every record of the workspace. */
export interface StitchRun {
  customers: number;
  merges: number;
  /** Identifiers left out of stitching (over the cap); they may belong to several customers. */
  ignored: number;
}

/**
 * Where the run reads: relations (SQL table expressions) of every record's identifiers `(record_id, ident_id)` and of
 * every identifier `(ident_id, kind, value)`, old and new together; and, for writing the merge log, of every record
 * `(record_id, import_id, source_id, row_number)` (the `records` table when not given).
 */
export interface StitchSources {
  recordIdentifiers: string;
  identifierKeys: string;
  records?: string;
}

/**
 * Identifiers over the cap: linked to more than `limit` distinct identifiers of one other kind. The sources' pairs
 * (readIdentifierPairs, read once for this and for stitchIdentities) screen out every identifier that cannot be over
 * it; only when some remain does SQL count exactly.
 */
export async function findOverCapIdentifiers(
  connection: DuckDBConnection,
  sources: StitchSources,
  limit: number,
  pairs: IdentifierPairs,
): Promise<OverCapIdentifier[]> {
  if (overCapCandidates(pairs, limit).length === 0) return [];
  const rows = (
    await connection.runAndReadAll(`
    WITH ri AS MATERIALIZED (SELECT * FROM ${sources.recordIdentifiers}),
    multi AS MATERIALIZED (SELECT record_id, count(*) AS size FROM ri GROUP BY record_id HAVING count(*) > 1),
    -- An identifier meets at most sum(size - 1) others over its records: only those above the limit can be over
    -- it, so the exact count of distinct partners by kind (a self-join) runs on their records alone.
    candidates AS (SELECT ri.ident_id FROM ri JOIN multi USING (record_id) GROUP BY ri.ident_id HAVING sum(multi.size - 1) > ${limit}),
    m AS (SELECT ri.record_id, ri.ident_id, k.kind FROM ri JOIN multi USING (record_id) JOIN ${sources.identifierKeys} k USING (ident_id)
      WHERE ri.record_id IN (SELECT record_id FROM ri JOIN candidates USING (ident_id))),
    links AS (SELECT a.ident_id, b.kind AS partner_kind, count(DISTINCT b.ident_id) AS partners FROM m a JOIN m b ON a.record_id = b.record_id AND a.ident_id <> b.ident_id
      WHERE a.ident_id IN (SELECT ident_id FROM candidates) GROUP BY ALL HAVING count(DISTINCT b.ident_id) > ${limit})
    SELECT l.ident_id, k.kind, k.value, l.partner_kind, l.partners FROM links l JOIN ${sources.identifierKeys} k USING (ident_id) ORDER BY l.partners DESC, l.ident_id`)
  ).getRows() as Array<[bigint, string, string, string, bigint]>;
  return rows.map(([identId, kind, value, partnerKind, partners]) => ({
    identId: Number(identId),
    kind,
    value,
    partnerKind,
    partners: Number(partners),
  }));
}

/**
 * Deterministic identity stitching: union-find over every identifier of every record, in record order (records are
 * numbered by import, then by first row). Customers are numbered densely in order of their first record. Writes temp
 * tables `stitch_record_customer(record_id, customer_id)`, `stitch_ident_customer(ident_id, customer_id)` (every
 * identifier that links, with its customer), `stitch_ignored(ident_id)` and `stitch_merges(customer_id, record_id,
 * left_ident, right_ident, seq)`: each merge is a record that joined two customers until then apart, which explains the
 * result.
 * Identifiers in `ignored` link nothing (a record whose identifiers are all ignored is its first identifier's).
 * `pairs` are the sources' pairs (readIdentifierPairs).
 */
export async function stitchIdentities(
  connection: DuckDBConnection,
  sources: StitchSources,
  ignored: ReadonlySet<number>,
  pairs: IdentifierPairs,
): Promise<StitchRun> {
  const { records: pairRecords, idents: pairIdents, identCount } = pairs;
  const uf = new UnionFind(identCount);
  const seen = new Uint8Array(identCount);
  const isIgnored = new Uint8Array(identCount);
  for (const ident of ignored) if (ident < identCount) isIgnored[ident] = 1;
  // Records in order, each with its identifiers: one pass to union, remembering each record's first identifier.
  const recordIds = new Int32Array(pairRecords.length);
  const firstIdent = new Int32Array(pairRecords.length);
  let records = 0;
  // Every merge joins two sets of identifiers, so there are fewer merges than identifiers.
  const mergeRecord = new Int32Array(identCount);
  const mergeLeft = new Int32Array(identCount);
  const mergeRight = new Int32Array(identCount);
  let merges = 0;
  let current = -1;
  let anchor = -1;
  for (let p = 0; p < pairRecords.length; p++) {
    const record = pairRecords[p]!;
    const ident = pairIdents[p]!;
    seen[ident] = 1;
    if (record !== current) {
      current = record;
      recordIds[records] = record;
      firstIdent[records] = ident;
      records++;
      anchor = isIgnored[ident] ? -1 : ident;
      continue;
    }
    if (isIgnored[ident]) continue;
    if (anchor < 0) {
      anchor = ident;
      firstIdent[records - 1] = ident;
    } else if (uf.union(anchor, ident)) {
      mergeRecord[merges] = record;
      mergeLeft[merges] = anchor;
      mergeRight[merges] = ident;
      merges++;
    }
  }
  const customerOfRoot = new Int32Array(identCount).fill(-1);
  const recordCustomer = new Int32Array(records);
  let customers = 0;
  for (let r = 0; r < records; r++) {
    const root = uf.find(firstIdent[r]!);
    if (customerOfRoot[root] === -1) customerOfRoot[root] = customers++;
    recordCustomer[r] = customerOfRoot[root]!;
  }
  // Ids fit INTEGER (checked by readIdentifierPairs), which appends far faster than BIGINT from JavaScript.
  await connection.run("CREATE OR REPLACE TEMP TABLE stitch_record_customer (record_id INTEGER, customer_id INTEGER)");
  await appendColumns(connection, "stitch_record_customer", [recordIds, recordCustomer], records);
  const linking = new Int32Array(identCount);
  const linkingCustomer = new Int32Array(identCount);
  let linked = 0;
  for (let ident = 0; ident < identCount; ident++) {
    if (!seen[ident] || isIgnored[ident]) continue;
    linking[linked] = ident;
    linkingCustomer[linked++] = customerOfRoot[uf.find(ident)]!;
  }
  await connection.run("CREATE OR REPLACE TEMP TABLE stitch_ident_customer (ident_id INTEGER, customer_id INTEGER)");
  await appendColumns(connection, "stitch_ident_customer", [linking, linkingCustomer], linked);
  await connection.run("CREATE OR REPLACE TEMP TABLE stitch_ignored (ident_id INTEGER)");
  await appendColumns(connection, "stitch_ignored", [Int32Array.from(ignored)], ignored.size);
  const mergeCustomer = new Int32Array(merges);
  const mergeSeq = new Int32Array(merges);
  for (let m = 0; m < merges; m++) {
    mergeCustomer[m] = customerOfRoot[uf.find(mergeLeft[m]!)]!;
    mergeSeq[m] = m;
  }
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE stitch_merges (customer_id INTEGER, record_id INTEGER, left_ident INTEGER, right_ident INTEGER, seq INTEGER)",
  );
  await appendColumns(
    connection,
    "stitch_merges",
    [mergeCustomer, mergeRecord, mergeLeft, mergeRight, mergeSeq],
    merges,
  );
  return { customers, merges, ignored: ignored.size };
}

/** Appends the first n values of INTEGER columns to a table, a data chunk at a time (much faster than row by row). */
async function appendColumns(
  connection: DuckDBConnection,
  table: string,
  columns: Int32Array[],
  n: number,
): Promise<void> {
  const { DuckDBDataChunk, INTEGER } = await import("@duckdb/node-api");
  const appender = await connection.createAppender(table);
  const types = columns.map(() => INTEGER);
  const size = 2048;
  for (let start = 0; start < n; start += size) {
    const count = Math.min(size, n - start);
    const chunk = DuckDBDataChunk.create(types, count);
    columns.forEach((values, c) => {
      const vector = chunk.getColumnVector(c);
      for (let i = 0; i < count; i++) vector.setItem(i, values[start + i]!);
      vector.flush();
    });
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}
