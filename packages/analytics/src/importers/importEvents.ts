import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  newId,
  type ImportPhase,
  type ImportProgress,
  type ImportFormat,
  type ImportMapping,
  type ImportMappingInput,
  type Source,
  type SourceKind,
  type TextEncoding,
} from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { withWriteLock } from "../engines/duckdb/writeLock.js";
import { createSource, findSourceByName, getSource } from "../sources/sourceStore.js";
import { assignRecords, stitchSourcesWithImport } from "../stitching/assignRecords.js";
import { DEFAULT_DENY_LIST } from "../stitching/identifierSql.js";
import { screenIdentifiers } from "../stitching/screenIdentifiers.js";
import {
  DEFAULT_STITCHING_LIMITS,
  findOverCapIdentifiers,
  stitchIdentities,
  type OverCapIdentifier,
  type StitchingLimits,
} from "../stitching/stitchIdentities.js";
import { writeStitching } from "../stitching/writeStitching.js";
import { rebuildJourneyStore } from "../store/rebuildJourneyStore.js";
import { cancellableConnection } from "./cancellableConnection.js";
import { checkDiskSpace } from "./checkDiskSpace.js";
import { checkStaged, type StagedSummary } from "./checkStaged.js";
import { timeColumnWarnings } from "./checkTimeVaries.js";
import { translateDuckDbError } from "./translateDuckDbError.js";
import { GUESS_SAMPLE_ROWS, guessMapping } from "./guessMapping.js";
import { ImportError, quoteValue } from "./ImportError.js";
import { failImportRecord, finishImportRecord, startImportRecord } from "./importRecord.js";
import { progressAt } from "./progressAt.js";
import { dropRepeatedEvents, findRepeatedEvents, persistImport } from "./persistImport.js";
import { planColumns, type ColumnPlan } from "./planColumns.js";
import { prepareReadable } from "./prepareReadable.js";
import { resolveMapping } from "./resolveMapping.js";
import { stageRows } from "./stageRows.js";
import { describeTimestampFormat, resolveTimestampFormat } from "./timestampFormat.js";

/** One import: the file, where it goes, and how to read it. */
export interface ImportEventsOptions {
  path: string;
  /** Name for messages and format detection (an upload's original name); defaults to the path's base name. */
  fileName?: string;
  /** An existing source, or one by name, created when the import succeeds if it does not exist yet. */
  source: { sourceId: string } | { name: string; kind?: SourceKind };
  /** Column mapping; defaults to the source's saved mapping, then to a guess from the header. */
  mapping?: ImportMappingInput;
  format?: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  timeZone?: string;
  timestampFormat?: string;
  /** Rows repeating an earlier row exactly: refuse, skip or keep them, over what the mapping says. */
  duplicates?: "error" | "skip" | "keep";
  importId?: string;
  limits?: Partial<StitchingLimits>;
  /** Extra placeholder identifier values to ignore, besides the built-in deny-list. */
  denyList?: string[];
  onProgress?: (progress: ImportProgress) => void;
  /** Rebuild the sorted journey store after committing (default true). */
  rebuildStore?: boolean;
  afterCommit?: (db: EventDatabase) => Promise<void>;
  /** Cancels the import: it stops within moments and rolls back; a string reason ("by Ana") goes into its message. */
  signal?: AbortSignal;
}

/** What a successful import did. */
export interface ImportResult {
  importId: string;
  source: Source;
  fileName: string;
  format: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  timestampFormat: string;
  mapping: ImportMapping;
  mappingOrigin: "given" | "saved" | "guessed";
  /** What the guess set aside, and a time column that does not change within a customer's rows. */
  warnings: string[];
  rowsRead: number;
  eventsStored: number;
  duplicatesSkipped: number;
  rowsWithoutIdentifierSkipped: number;
  junk: StagedSummary["junk"];
  ignoredIdentifiers: OverCapIdentifier[];
  /** Customers, identifiers and merges in the whole workspace after the import. */
  customers: number;
  identities: number;
  merges: number;
  /** Set when the data was committed but rebuilding the journey store failed. */
  storeError?: string;
  seconds: Partial<Record<ImportPhase, number>>;
}

const STAGED = "imp_staged";

/**
 * Imports one file of events into a workspace's event store, all or nothing: detect format and encoding, decode,
 * read and parse every row in one DuckDB pass, check it (refusing the file at the first bad row, named with its
 * column), restitch identities over every source, then store the events, identities, customers and merge log in one
 * transaction, and rebuild the journey store. A failure leaves only a `failed` entry in the import history.
 * Imports into one workspace run one at a time; one cancelled while it waits for its turn leaves the queue at once.
 */
export function importEvents(db: EventDatabase, options: ImportEventsOptions): Promise<ImportResult> {
  const o = { ...options, importId: options.importId ?? newId("imp_") };
  const signal = o.signal;
  const queue = { started: false, left: false };
  const run = withWriteLock(db, () => {
    if (queue.left) return Promise.reject(cancelledError(signal, o.fileName ?? basename(o.path)));
    queue.started = true;
    return runImport(db, o);
  });
  if (!signal) return run;
  return new Promise<ImportResult>((resolve, reject) => {
    const leave = () => {
      if (queue.started) return; // runImport stops itself (see its abort handling)
      queue.left = true;
      const error = cancelledError(signal, o.fileName ?? basename(o.path));
      recordCancelledInQueue(db, o, error).then(() => reject(error), reject);
    };
    if (signal.aborted) leave();
    else signal.addEventListener("abort", leave, { once: true });
    run
      .then(resolve, (err: unknown) => queue.left || reject(err))
      .finally(() => signal.removeEventListener("abort", leave));
  });
}

/** The error of a cancelled import; a string reason of the signal ("by Ana") says who or what cancelled it. */
function cancelledError(signal: AbortSignal | undefined, file: string): ImportError {
  const reason: unknown = signal?.reason;
  return new ImportError(
    "cancelled",
    `the import was cancelled${typeof reason === "string" ? ` ${reason}` : ""}; nothing of it was stored`,
    { file },
  );
}

/**
 * Records an import cancelled before its turn came, as one that ran would be: a failed entry in the history of its
 * source (none when the import was to create the source). It touches only its own row of `imports`, so it need not
 * wait for the import running meanwhile.
 */
async function recordCancelledInQueue(
  db: EventDatabase,
  o: ImportEventsOptions & { importId: string },
  error: ImportError,
): Promise<void> {
  const connection = await db.instance.connect();
  try {
    const source =
      "sourceId" in o.source
        ? await getSource(connection, o.source.sourceId)
        : await findSourceByName(connection, o.source.name);
    if (!source) return;
    const size = await stat(o.path).then(
      (s) => s.size,
      () => 0,
    );
    await startImportRecord(connection, {
      importId: o.importId,
      sourceId: source.sourceId,
      fileName: error.file ?? basename(o.path),
      format: o.format ?? "unknown",
      fileSize: size,
    });
    await failImportRecord(connection, o.importId, error);
  } finally {
    connection.closeSync();
  }
}

async function runImport(db: EventDatabase, o: ImportEventsOptions & { importId: string }): Promise<ImportResult> {
  const file = o.fileName ?? basename(o.path);
  const importId = o.importId;
  const seconds: ImportResult["seconds"] = {};
  let phaseStart = performance.now();
  const phase = (p: ImportPhase, fraction = 0, extra = {}) => {
    o.onProgress?.(progressAt(p, fraction, extra));
  };
  const endPhase = (p: ImportPhase) => {
    if (o.signal?.aborted) throw cancelledError(o.signal, file);
    const now = performance.now();
    seconds[p] = (now - phaseStart) / 1000;
    phaseStart = now;
    phase(p, 1);
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
  let sourceId: string;
  let recorded = false;
  let inTransaction = false;
  try {
    existing =
      "sourceId" in o.source
        ? await getSource(connection, o.source.sourceId)
        : await findSourceByName(connection, o.source.name);
    if (!existing && "sourceId" in o.source)
      throw new ImportError("source_not_found", `no source ${o.source.sourceId} in this workspace`, { file });
    sourceId = existing?.sourceId ?? newId("src_");
    phase("prepare");
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
    const readable = await prepareReadable(connection, {
      path: o.path,
      fileName: file,
      format: o.format,
      encoding: o.encoding,
      delimiter: o.delimiter,
      workDir,
      signal: o.signal,
      onBytes: (done, total) => phase("prepare", done / total, { bytesRead: done, totalBytes: total }),
    });
    // The first rows, read as the preview reads them, so an import without a mapping guesses what the preview shows.
    // A ragged or malformed row among them is left for the full read, which names it by row after the mapping's own
    // checks (a wrong delimiter is reported as such); the guess then sees only the header, as it did before.
    const sample = await connection
      .runAndReadAll(`SELECT * FROM ${readable.relation} LIMIT ${GUESS_SAMPLE_ROWS}`)
      .then((read) => (read.getRows() as Array<Array<string | null>>).map((r) => r.map((v) => v ?? "")))
      .catch((err: unknown): string[][] => {
        // Only the file's own faults wait for the full read; a cancelled import (an interrupted query) stops here.
        if (translateDuckDbError(err, file) instanceof ImportError) return [];
        throw err;
      });
    const guess = guessMapping(readable.columns, sample);
    const { mapping, origin } = resolveMapping(
      { given: o.mapping, saved: existing?.mapping, guessed: () => guess.mapping },
      { timeZone: o.timeZone, timestampFormat: o.timestampFormat, duplicates: o.duplicates },
      file,
    );
    const warnings = [
      ...(origin === "guessed" ? guess.notes : []),
      ...timeColumnWarnings(mapping, readable.columns, sample),
    ];
    const plan = planColumns(mapping, readable.columns, file);
    await connection.run(`SET TimeZone = ${sqlString(mapping.timeZone ?? "UTC")}`);
    const format = await resolveTimestampFormat(connection, readable.relation, plan.timestamp, mapping, file);
    endPhase("prepare");

    await stageRows(
      connection,
      plan,
      {
        table: STAGED,
        relation: readable.relation,
        timestampFormat: format,
        trackOffsets: mapping.timeZone === undefined,
      },
      file,
      (f) => phase("read", f),
    );
    endPhase("read");
    const screen = await screenIdentifiers(connection, STAGED, plan, [
      ...DEFAULT_DENY_LIST,
      ...(o.denyList ?? []).map((v) => v.toLowerCase()),
    ]);
    const summary = await checkStaged(connection, STAGED, plan, mapping, format, file, readable.relation, screen);
    endPhase("check");

    const assigned = { ...(await assignRecords(connection, plan)), hashIsUnique: screen.hashIsUnique };
    const sources = stitchSourcesWithImport({ withImport: true });
    const limits = { ...DEFAULT_STITCHING_LIMITS, ...o.limits };
    const overCap = await findOverCapIdentifiers(connection, sources, limits.maxLinksPerIdentifier);
    if (overCap.length && limits.onOverCap === "fail")
      throw await overCapError(connection, overCap[0]!, plan, limits, file);
    const run = await stitchIdentities(connection, sources, new Set(overCap.map((o) => o.identId)));
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
    endPhase("stitch");

    const [[existingEvents]] = (await connection.runAndReadAll("SELECT count(*) FROM events")).getRows() as [[bigint]];
    const hadEvents = existingEvents > 0n;
    await connection.run("BEGIN TRANSACTION");
    inTransaction = true;
    phase("write");
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
    const eventsStored = await persistImport(connection, STAGED, plan, {
      importId,
      sourceId,
      hashIsUnique: assigned.hashIsUnique,
    });
    await writeStitching(connection, stitchSourcesWithImport({ withImport: false }), run, hadEvents);
    const [[identities]] = (await connection.runAndReadAll("SELECT count(*) FROM identities")).getRows() as [[bigint]];
    const result: Omit<ImportResult, "source" | "seconds"> = {
      importId,
      fileName: file,
      format: readable.format,
      encoding: readable.encoding,
      delimiter: readable.delimiter,
      timestampFormat: describeTimestampFormat(format),
      mapping,
      mappingOrigin: origin,
      warnings,
      rowsRead: summary.rows,
      eventsStored,
      duplicatesSkipped: summary.duplicatesSkipped + repeats.count,
      rowsWithoutIdentifierSkipped: summary.rowsWithoutIdentifierSkipped,
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
    endPhase("write");
    const storeError = await afterCommit(db, o);
    endPhase("store");
    return { ...result, source: (await getSource(connection, source.sourceId)) ?? source, storeError, seconds };
  } catch (err) {
    if (inTransaction) await raw.run("ROLLBACK").catch(() => undefined);
    // Whatever a cancelled import failed with (an interrupted statement, a stream cut off) is its cancellation.
    const error = o.signal?.aborted
      ? cancelledError(o.signal, file)
      : err instanceof ImportError
        ? err.inFile(file)
        : err;
    if (recorded) await recordFailure(raw, importId, error, !existing);
    throw error;
  } finally {
    o.signal?.removeEventListener("abort", onAbort);
    raw.closeSync();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Records the failure in the history, or, when the import was creating its source, removes every trace. */
async function recordFailure(
  connection: DuckDBConnection,
  importId: string,
  error: unknown,
  newSource: boolean,
): Promise<void> {
  if (newSource)
    await connection.run(`DELETE FROM imports WHERE import_id = ${sqlString(importId)}`).catch(() => undefined);
  else if (error instanceof ImportError) await failImportRecord(connection, importId, error).catch(() => undefined);
  else
    await failImportRecord(
      connection,
      importId,
      new ImportError("internal", `the import failed: ${error instanceof Error ? error.message : String(error)}`),
    ).catch(() => undefined);
}

async function afterCommit(db: EventDatabase, o: ImportEventsOptions): Promise<string | undefined> {
  try {
    if (o.rebuildStore !== false) await rebuildJourneyStore(db);
    await o.afterCommit?.(db);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

async function overCapError(
  connection: DuckDBConnection,
  over: OverCapIdentifier,
  plan: ColumnPlan,
  limits: StitchingLimits,
  file: string,
): Promise<ImportError> {
  const index = plan.identifiers.findIndex((id) => id.kind === over.kind);
  let row: number | undefined;
  if (index >= 0) {
    const [[rowid]] = (
      await connection.runAndReadAll(`SELECT min(rowid) FROM ${STAGED} WHERE id_${index} = ${sqlString(over.value)}`)
    ).getRows() as [[bigint | null]];
    row = rowid === null ? undefined : Number(rowid) + 1;
  }
  return new ImportError(
    "identifier_over_cap",
    `${over.kind} ${quoteValue(over.value)} appears with ${over.partners} different ${over.partnerKind} values, more than the cap of ${limits.maxLinksPerIdentifier}, so it would join that many customers into one; it looks like a shared or placeholder value: add it to the deny-list, or raise the cap`,
    { file, row, column: row !== undefined ? plan.identifiers[index]!.column : undefined },
  );
}
