import type { DuckDBConnection } from "@duckdb/node-api";
import type { StitchSources } from "./stitchIdentities.js";

/** Every (record, identifier) pair of a stitching run, in record order then identifier order. */
export interface IdentifierPairs {
  records: Int32Array;
  idents: Int32Array;
  /** One past the largest identifier id. */
  identCount: number;
}

/**
 * Reads every record's identifiers once into typed arrays, for both the cap's screening and union-find: the sorted
 * read costs about a second of CPU at 10 million events, and the cap's screening in SQL (materialising the pairs and
 * grouping them twice) cost five.
 */
export async function readIdentifierPairs(
  connection: DuckDBConnection,
  sources: StitchSources,
): Promise<IdentifierPairs> {
  const [[maxRecord, maxIdent, count]] = (
    await connection.runAndReadAll(
      `SELECT coalesce(max(record_id), -1), coalesce(max(ident_id), -1), count(*) FROM ${sources.recordIdentifiers}`,
    )
  ).getRows() as [[bigint, bigint, bigint]];
  if (maxRecord >= 2n ** 31n || maxIdent >= 2n ** 31n)
    throw new Error("more than 2^31 records or identifiers: stitching needs another engine");
  const records = new Int32Array(Number(count));
  const idents = new Int32Array(Number(count));
  const result = await connection.stream(
    `SELECT record_id::INTEGER, ident_id::INTEGER FROM ${sources.recordIdentifiers} ORDER BY record_id, ident_id`,
  );
  let n = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    if (n + chunk.rowCount > records.length) throw new Error("record identifiers changed while stitching read them");
    const vr = chunk.getColumnVector(0);
    const vi = chunk.getColumnVector(1);
    for (let i = 0; i < chunk.rowCount; i++, n++) {
      records[n] = vr.getItem(i) as number;
      idents[n] = vi.getItem(i) as number;
    }
  }
  if (n !== records.length) throw new Error("record identifiers changed while stitching read them");
  return { records, idents, identCount: Number(maxIdent) + 1 };
}

/**
 * Identifiers that may be over the cap: an identifier meets at most sum(size − 1) others over the records it is in
 * (size counting the record's identifiers), so only those with more than `limit` can have more than `limit` partners
 * of one kind. Usually none, and then nothing else needs counting.
 */
export function overCapCandidates(pairs: IdentifierPairs, limit: number): number[] {
  const { records, idents } = pairs;
  const reach = new Float64Array(pairs.identCount);
  let flagged = false;
  for (let start = 0; start < records.length;) {
    let end = start + 1;
    while (end < records.length && records[end] === records[start]) end++;
    const others = end - start - 1;
    for (let p = start; p < end && others > 0; p++) {
      const ident = idents[p]!;
      reach[ident] = reach[ident]! + others;
      if (reach[ident]! > limit) flagged = true;
    }
    start = end;
  }
  if (!flagged) return [];
  const found: number[] = [];
  for (let ident = 0; ident < reach.length; ident++) if (reach[ident]! > limit) found.push(ident);
  return found;
}
