import type { DuckDBConnection } from "@duckdb/node-api";
import type { GuessNote, ImportMapping, ImportPhase, SkippedRow, Source } from "@opencjm/core";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { DEFAULT_DENY_LIST } from "../stitching/identifierSql.js";
import { screenIdentifiers, type IdentifierScreen } from "../stitching/screenIdentifiers.js";
import { checkStaged, type StagedSummary } from "./checkStaged.js";
import { timeColumnNotes, timeColumnWarnings } from "./checkTimeVaries.js";
import { GUESS_SAMPLE_ROWS, guessMapping } from "./guessMapping.js";
import type { ImportEventsOptions } from "./ImportEventsOptions.js";
import { ImportError } from "./ImportError.js";
import { planColumns, type ColumnPlan } from "./planColumns.js";
import { prepareReadable, type ReadableFile } from "./prepareReadable.js";
import { resolveMapping } from "./resolveMapping.js";
import { MAX_LISTED_SKIPPED_ROWS, setAsideBadRows } from "./setAsideBadRows.js";
import { rejectingCsvRelation, setAsideRejectedRows } from "./setAsideRejectedRows.js";
import { stageRows } from "./stageRows.js";
import type { TimestampFormat } from "./timestampFormat.js";
import { resolveTimestampFormat } from "./timestampFormat.js";
import { translateDuckDbError } from "./translateDuckDbError.js";

/** The staging table every import reads its file into. */
export const STAGED = "imp_staged";

/** What the first three phases learnt: how the file reads, the mapping used, and the checked rows' summary. */
interface StagedImport {
  readable: ReadableFile;
  mapping: ImportMapping;
  origin: "given" | "saved" | "guessed";
  warnings: string[];
  /** The warnings as codes with values, for the reader's language. */
  notes: GuessNote[];
  plan: ColumnPlan;
  format: TimestampFormat;
  summary: StagedSummary;
  screen: IdentifierScreen;
}

/** How the staging phases report: a phase's progress, and its end (which also stops a cancelled import). */
interface PhaseReporter {
  progress: (phase: ImportPhase, fraction: number, extra?: { bytesRead?: number; totalBytes?: number }) => void;
  end: (phase: ImportPhase) => void;
}

/**
 * The prepare, read and check phases: decodes the file into something DuckDB reads, settles the mapping (given, saved
 * or guessed from the rows the preview shows), reads and parses every row into the staging table in one pass, and
 * checks it, refusing the file at the first bad row (or, with skipBadRows, setting such rows aside).
 */
export async function stageImport(
  connection: DuckDBConnection,
  o: ImportEventsOptions,
  context: { file: string; workDir: string; existing: Source | undefined },
  report: PhaseReporter,
): Promise<StagedImport> {
  const { file } = context;
  const readable = await prepareReadable(connection, {
    path: o.path,
    fileName: file,
    format: o.format,
    encoding: o.encoding,
    delimiter: o.delimiter,
    workDir: context.workDir,
    signal: o.signal,
    onBytes: (done, total) => report.progress("prepare", done / total, { bytesRead: done, totalBytes: total }),
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
    { given: o.mapping, saved: context.existing?.mapping, guessed: () => guess.mapping },
    { timeZone: o.timeZone, timestampFormat: o.timestampFormat, duplicates: o.duplicates },
    file,
  );
  const warnings = [
    ...(origin === "guessed" ? guess.notes : []),
    ...timeColumnWarnings(mapping, readable.columns, sample),
  ];
  const notes = [...(origin === "guessed" ? guess.codes : []), ...timeColumnNotes(mapping, readable.columns, sample)];
  const plan = planColumns(mapping, readable.columns, file);
  await connection.run(`SET TimeZone = ${sqlString(mapping.timeZone ?? "UTC")}`);
  // With skipBadRows, a CSV's rows with a wrong number of fields are set aside by DuckDB as it reads, not refused.
  const rejecting = o.skipBadRows ? rejectingCsvRelation(readable.relation) : undefined;
  const format = await resolveTimestampFormat(
    connection,
    rejecting ?? readable.relation,
    plan.timestamp,
    mapping,
    file,
  );
  report.end("prepare");

  const settings = {
    table: STAGED,
    relation: readable.relation,
    timestampFormat: format,
    trackOffsets: mapping.timeZone === undefined,
  };
  await stageRows(connection, plan, { ...settings, relation: rejecting ?? readable.relation }, file, (f) =>
    report.progress("read", f),
  );
  const rejected = rejecting ? await setAsideRejectedRows(connection, STAGED, MAX_LISTED_SKIPPED_ROWS) : undefined;
  // A row DuckDB could not read for another reason (an unclosed quote) is refused naming it, as without the option.
  if (rejecting && !rejected) await stageRows(connection, plan, settings, file);
  report.end("read");
  // Before the identifiers are screened, so a row set aside is not also counted as a row without identifier.
  const badRows = o.skipBadRows
    ? joinSkipped(rejected, await setAsideBadRows(connection, STAGED, { plan, mapping, format, file }))
    : { count: 0, rows: [] };
  const screen = await screenIdentifiers(connection, STAGED, plan, [
    ...DEFAULT_DENY_LIST,
    ...(o.denyList ?? []).map((v) => v.toLowerCase()),
  ]);
  const summary = await checkStaged(
    connection,
    STAGED,
    plan,
    mapping,
    format,
    file,
    rejecting ?? readable.relation,
    screen,
    badRows,
  );
  report.end("check");
  return { readable, mapping, origin, warnings, notes, plan, format, summary, screen };
}

/** The rows DuckDB could not parse and those with a value that cannot be read, as one list in file order. */
function joinSkipped(
  rejected: { count: number; rows: SkippedRow[] } | undefined,
  unreadable: { count: number; rows: SkippedRow[] },
): { count: number; rows: SkippedRow[] } {
  if (!rejected?.count) return unreadable;
  return {
    count: rejected.count + unreadable.count,
    rows: [...rejected.rows, ...unreadable.rows].sort((a, b) => a.row - b.row).slice(0, MAX_LISTED_SKIPPED_ROWS),
  };
}
