import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { withWriteLock } from "../engines/duckdb/writeLock.js";
import { stitchSourcesWithImport } from "../stitching/assignRecords.js";
import { readIdentifierPairs } from "../stitching/identifierPairs.js";
import {
  DEFAULT_STITCHING_LIMITS,
  findOverCapIdentifiers,
  stitchIdentities,
  type StitchingLimits,
} from "../stitching/stitchIdentities.js";
import { writeStitching } from "../stitching/writeStitching.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { getSource } from "./sourceStore.js";

/**
 * Deletes a source with everything imported from it (events, records, attributes, import history), restitches the
 * remaining sources (customers the source had joined come apart again) and rebuilds the journey store. All or
 * nothing; returns false when there is no such source. Identifiers over the cap (after the deletion) are left out of
 * stitching, as an import with `onOverCap: "ignore"` would.
 */
export function deleteSource(
  db: EventDatabase,
  sourceId: string,
  options: { rebuildStore?: boolean; limits?: Partial<StitchingLimits> } = {},
): Promise<boolean> {
  return withWriteLock(db, async () => {
    const connection = await db.instance.connect();
    let inTransaction = false;
    try {
      if (!(await getSource(connection, sourceId))) return false;
      const id = sqlString(sourceId);
      const remaining = stitchSourcesWithImport({ withImport: false, withoutSource: sourceId });
      const pairs = await readIdentifierPairs(connection, remaining);
      const overCap = await findOverCapIdentifiers(
        connection,
        remaining,
        options.limits?.maxLinksPerIdentifier ?? DEFAULT_STITCHING_LIMITS.maxLinksPerIdentifier,
        pairs,
      );
      const run = await stitchIdentities(connection, remaining, new Set(overCap.map((o) => o.identId)), pairs);
      await connection.run("BEGIN TRANSACTION");
      inTransaction = true;
      const records = `(SELECT record_id FROM records WHERE source_id = ${id})`;
      await connection.run(`DELETE FROM events WHERE source_id = ${id}`);
      await connection.run(`DELETE FROM attribute_values WHERE record_id IN ${records}`);
      await connection.run(`DELETE FROM record_identifiers WHERE record_id IN ${records}`);
      await connection.run(`DELETE FROM records WHERE source_id = ${id}`);
      await connection.run(`DELETE FROM imports WHERE source_id = ${id}`);
      await connection.run(`DELETE FROM sources WHERE source_id = ${id}`);
      await writeStitching(connection, stitchSourcesWithImport({ withImport: false }), run, true);
      await connection.run("COMMIT");
      inTransaction = false;
    } catch (err) {
      if (inTransaction) await connection.run("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      connection.closeSync();
    }
    if (options.rebuildStore !== false) await rebuildJourneyStore(db);
    return true;
  });
}
