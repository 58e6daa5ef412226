import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { newId, type ImportPhase, type Source, type SourceKind } from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { createSource, findSourceByName, getSource } from "../sources/sourceStore.js";
import { assignRecords, stitchSourcesWithImport } from "../stitching/assignRecords.js";
import { readIdentifierPairs } from "../stitching/identifierPairs.js";
import { DEFAULT_STITCHING_LIMITS, findOverCapIdentifiers, stitchIdentities } from "../stitching/stitchIdentities.js";
import { writeCustomers, writeIdentities } from "../stitching/writeStitching.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { cancellableConnection } from "./cancellableConnection.js";
import { cancelledError, recordEarlyCancellation } from "./cancelledImport.js";
import { checkDiskSpace } from "./checkDiskSpace.js";
import type { ImportEventsOptions, ImportResult } from "./ImportEventsOptions.js";
import { ImportError } from "./ImportError.js";
import { finishImportRecord, startImportRecord } from "./importRecord.js";
import { overCapError } from "./overCapError.js";
import { dropRepeatedEvents, findRepeatedEvents, persistImport } from "./persistImport.js";
import { progressAt } from "./progressAt.js";
import { recordImportFailure } from "./recordImportFailure.js";
import { STAGED, stageImport } from "./stageImport.js";
import { describeTimestampFormat } from "./timestampFormat.js";

/**
 * Runs one import once its turn has come: stages and checks the file (stageImport), restitches identities over every
 * source, drops or refuses events this source already has, stores everything in one transaction and rebuilds the
 * journey store. A failure rolls back and leaves only a `failed` entry in the history (none for a source it created).
 */
export async function runImport(
  db: EventDatabase,
  o: ImportEventsOptions & { importId: string },
): Promise<ImportResult> {
  const file = o.fileName ?? basename(o.path);
  const importId = o.importId;
  const seconds: ImportResult["seconds"] = {};
  let phaseStart = performance.now();
  const progress = (p: ImportPhase, fraction = 0, extra = {}) => {
    o.onProgress?.(progressAt(p, fraction, extra));
  };
  const end = (p: ImportPhase) => {
    if (o.signal?.aborted) throw cancelledError(o.signal, file);
    const now = performance.now();
    seconds[p] = (now - phaseStart) / 1000;
    phaseStart = now;
    progress(p, 1);
  };
  const raw = await db.instance.connect();
  // Cancelling interrupts the statement running and refuses the next ones; file conversions watch the signal.
  const connection = cancellableConnection(raw, o.signal, () => cancelledError(o.signal, file));
  const onAbort = () => raw.interrupt();
  o.signal?.addEventListener("abort", onAbort);
  const tmpRoot = db.dir === ":memory:" ? tmpdir() : join(db.dir, "tmp");
  await mkdir(tmpRoot, { recursive: true });
  const workDir = await mkdtemp(join(tmpRoot, `${importId}-`));
  let existing: Source | undefined;
  let recorded = false;
  let inTransaction = false;
  try {
    existing =
      "sourceId" in o.source
        ? await getSource(connection, o.source.sourceId)
        : await findSourceByName(connection, o.source.name);
    if (!existing && "sourceId" in o.source)
      throw new ImportError("source_not_found", `no source ${o.source.sourceId} in this workspace`, { file });
    const sourceId = existing?.sourceId ?? newId("src_");
    progress("prepare");
    const size = await stat(o.path).then(
      (s) => s.size,
      () => {
        throw new ImportError("file_not_found", "the file does not exist or cannot be read", { file });
      },
    );
    await startImportRecord(raw, { importId, sourceId, fileName: file, format: o.format ?? "unknown", fileSize: size });
    recorded = true;
    if (o.signal?.aborted) throw cancelledError(o.signal, file);
    await checkDiskSpace(tmpRoot, size, false, file);
    const staged = await stageImport(connection, o, { file, workDir, existing }, { progress, end });
    const { readable, mapping, plan, summary } = staged;

    const assigned = { ...(await assignRecords(connection, plan)), hashIsUnique: staged.screen.hashIsUnique };
    const sources = stitchSourcesWithImport({ withImport: true });
    const limits = { ...DEFAULT_STITCHING_LIMITS, ...o.limits };
    // Read once for both the cap and union-find.
    const pairs = await readIdentifierPairs(connection, sources);
    const overCap = await findOverCapIdentifiers(connection, sources, limits.maxLinksPerIdentifier, pairs);
    if (overCap.length && limits.onOverCap === "fail")
      throw await overCapError(connection, STAGED, overCap[0]!, plan, limits, file);
    const run = await stitchIdentities(connection, sources, new Set(overCap.map((o) => o.identId)), pairs);
    const repeats =
      mapping.duplicates === "keep"
        ? { count: 0 }
        : await findRepeatedEvents(connection, STAGED, plan, sourceId, assigned.hashIsUnique);
    if (repeats.first && mapping.duplicates === "error") {
      const { row, importId: earlier, earlierRow } = repeats.first;
      throw new ImportError(
        "duplicate_event",
        `repeats an event this source already has (row ${earlierRow} of import ${earlier}; ${repeats.count} such row${repeats.count === 1 ? "" : "s"}); set duplicates to "skip" to import only the new events`,
        { file, row },
      );
    }
    if (repeats.count) await dropRepeatedEvents(connection, STAGED);
    end("stitch");

    const [[existingEvents]] = (await connection.runAndReadAll("SELECT count(*) FROM events")).getRows() as [[bigint]];
    await connection.run("BEGIN TRANSACTION");
    inTransaction = true;
    progress("write");
    const source = existing
      ? existing
      : await createSource(connection, {
          sourceId,
          name: (o.source as { name: string }).name,
          kind: (o.source as { kind?: SourceKind }).kind ?? "other",
          mapping,
        });
    await connection.run(
      `UPDATE sources SET mapping = ${sqlString(JSON.stringify(mapping))}::JSON WHERE source_id = ${sqlString(sourceId)}`,
    );
    // Identities and the merge log first, read from this import's temp tables before persistImport copies them into
    // the event tables (see writeIdentities); customers after it, as they need the import's attribute values.
    const withImport = stitchSourcesWithImport({ withImport: true, importRecords: { importId, sourceId } });
    await writeIdentities(connection, withImport, run, existingEvents > 0n);
    const eventsStored = await persistImport(connection, STAGED, plan, {
      importId,
      sourceId,
      hashIsUnique: assigned.hashIsUnique,
    });
    await writeCustomers(connection, run);
    const [[identities]] = (await connection.runAndReadAll("SELECT count(*) FROM identities")).getRows() as [[bigint]];
    const result: Omit<ImportResult, "source" | "seconds"> = {
      importId,
      fileName: file,
      format: readable.format,
      encoding: readable.encoding,
      delimiter: readable.delimiter,
      timestampFormat: describeTimestampFormat(staged.format),
      mapping,
      mappingOrigin: staged.origin,
      warnings: staged.warnings,
      notes: staged.notes,
      rowsRead: summary.rows,
      eventsStored,
      duplicatesSkipped: summary.duplicatesSkipped + repeats.count,
      rowsWithoutIdentifierSkipped: summary.rowsWithoutIdentifierSkipped,
      badRowsSkipped: summary.badRows.count,
      skippedRows: summary.badRows.rows,
      junk: summary.junk,
      ignoredIdentifiers: overCap,
      customers: run.customers,
      identities: Number(identities),
      merges: run.merges,
    };
    if (o.signal?.aborted) throw cancelledError(o.signal, file);
    await finishImportRecord(connection, importId, {
      format: readable.format,
      encoding: readable.encoding,
      rowsRead: summary.rows,
      eventsStored,
      summary: { ...result, newRecords: assigned.records, newIdentifiers: assigned.newIdentifiers },
    });
    await connection.run("COMMIT");
    inTransaction = false;
    end("write");
    const storeError = await afterCommit(db, o);
    end("store");
    return { ...result, source: (await getSource(connection, source.sourceId)) ?? source, storeError, seconds };
  } catch (err) {
    if (inTransaction) await raw.run("ROLLBACK").catch(() => undefined);
    // Whatever a cancelled import failed with (an interrupted statement, a stream cut off) is its cancellation.
    const error = o.signal?.aborted
      ? cancelledError(o.signal, file)
      : err instanceof ImportError
        ? err.inFile(file)
        : err;
    if (recorded) await recordImportFailure(raw, importId, error, !existing);
    // Cancelled (say, by a shutdown) before its entry was written: the client already holds its id, so it gets one.
    else if (o.signal?.aborted && error instanceof ImportError)
      await recordEarlyCancellation(db, o, error).catch(() => undefined);
    throw error;
  } finally {
    o.signal?.removeEventListener("abort", onAbort);
    raw.closeSync();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Rebuilds the journey store and runs the caller's hook; a failure here is reported, as the data is committed. */
async function afterCommit(db: EventDatabase, o: ImportEventsOptions): Promise<string | undefined> {
  try {
    if (o.rebuildStore !== false) await rebuildJourneyStore(db);
    await o.afterCommit?.(db);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
