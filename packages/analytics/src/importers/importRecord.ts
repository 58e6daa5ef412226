import type { DuckDBConnection } from "@duckdb/node-api";
import type { ImportRecord } from "@opencjm/core";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import type { ImportError } from "./ImportError.js";

const ISO = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
const SELECT = `SELECT import_id, source_id, file_name, format, encoding, status, rows_read, events_stored, file_size, error_code, error, error_row, error_column, ${ISO("started_at")}, ${ISO("finished_at")}, summary::VARCHAR FROM imports`;

type Row = [
  string,
  string,
  string,
  string,
  string | null,
  string,
  bigint,
  bigint,
  bigint | null,
  string | null,
  string | null,
  bigint | null,
  string | null,
  string,
  string | null,
  string | null,
];

function toRecord(r: Row): ImportRecord {
  return {
    importId: r[0],
    sourceId: r[1],
    fileName: r[2],
    format: r[3],
    encoding: r[4],
    status: r[5] as ImportRecord["status"],
    rowsRead: Number(r[6]),
    eventsStored: Number(r[7]),
    fileSize: r[8] === null ? null : Number(r[8]),
    error:
      r[5] === "failed"
        ? { code: r[9] ?? "failed", message: r[10] ?? "", row: r[11] === null ? null : Number(r[11]), column: r[12] }
        : null,
    startedAt: r[13],
    finishedAt: r[14],
    summary: r[15] ? (JSON.parse(r[15]) as Record<string, unknown>) : null,
  };
}

/** The workspace's imports, newest first, optionally of one source. */
export async function listImports(
  connection: DuckDBConnection,
  options: { sourceId?: string; limit?: number } = {},
): Promise<ImportRecord[]> {
  const where = options.sourceId ? ` WHERE source_id = ${sqlString(options.sourceId)}` : "";
  const rows = (
    await connection.runAndReadAll(
      `${SELECT}${where} ORDER BY started_at DESC, import_id LIMIT ${Math.max(1, Math.min(options.limit ?? 100, 1000))}`,
    )
  ).getRows() as Row[];
  return rows.map(toRecord);
}

/** One import by id. */
export async function getImport(connection: DuckDBConnection, importId: string): Promise<ImportRecord | undefined> {
  const rows = (
    await connection.runAndReadAll(`${SELECT} WHERE import_id = ${sqlString(importId)}`)
  ).getRows() as Row[];
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Records an import as running (committed at once, so the history shows it while it works). */
export async function startImportRecord(
  connection: DuckDBConnection,
  r: { importId: string; sourceId: string; fileName: string; format: string; fileSize: number },
): Promise<void> {
  await connection.run(
    `INSERT INTO imports (import_id, source_id, file_name, format, status, started_at, file_size) VALUES (${sqlString(r.importId)}, ${sqlString(r.sourceId)}, ${sqlString(r.fileName)}, ${sqlString(r.format)}, 'running', now()::TIMESTAMP, ${r.fileSize})`,
  );
}

/** Marks an import failed with its error: the only trace a failed import leaves. */
export async function failImportRecord(
  connection: DuckDBConnection,
  importId: string,
  error: ImportError,
): Promise<void> {
  await connection.run(
    `UPDATE imports SET status = 'failed', error = ${sqlString(error.message)}, error_code = ${sqlString(error.code)}, error_row = ${error.row ?? "NULL"}, error_column = ${error.column === undefined ? "NULL" : sqlString(error.column)}, finished_at = now()::TIMESTAMP WHERE import_id = ${sqlString(importId)}`,
  );
}

/** Marks an import done (inside its transaction), with what it stored. */
export async function finishImportRecord(
  connection: DuckDBConnection,
  importId: string,
  r: { format: string; encoding?: string; rowsRead: number; eventsStored: number; summary: unknown },
): Promise<void> {
  await connection.run(
    `UPDATE imports SET status = 'done', format = ${sqlString(r.format)}, encoding = ${r.encoding ? sqlString(r.encoding) : "NULL"}, rows_read = ${r.rowsRead}, events_stored = ${r.eventsStored}, summary = ${sqlString(JSON.stringify(r.summary))}::JSON, finished_at = now()::TIMESTAMP WHERE import_id = ${sqlString(importId)}`,
  );
}

/** Imports left "running" by a process that died: their transaction never committed, so they failed. */
export async function failInterruptedImports(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    `UPDATE imports SET status = 'failed', error = 'the import was interrupted (the process stopped before it finished); nothing of it was stored', error_code = 'cancelled', finished_at = now()::TIMESTAMP WHERE status = 'running'`,
  );
}

/**
 * Marks a finished import failed because its events, though stored in the event store, could not be published to
 * ClickHouse: the history and the API then say so with the error's catalogue code instead of "done".
 */
export async function failImportPublication(
  connection: DuckDBConnection,
  importId: string,
  error: { code: string; message: string },
): Promise<void> {
  await connection.run(
    `UPDATE imports SET status = 'failed', error = ${sqlString(error.message)}, error_code = ${sqlString(error.code)}, error_row = NULL, error_column = NULL WHERE import_id = ${sqlString(importId)} AND status = 'done'`,
  );
}

/**
 * Marks done again the imports failed only for want of a publication (`code`), once a later publication carried every
 * stored event to ClickHouse: their events are in it now. Returns how many imports it restored.
 */
export async function restorePublishedImports(connection: DuckDBConnection, code: string): Promise<number> {
  const rows = (
    await connection.runAndReadAll(
      `UPDATE imports SET status = 'done', error = NULL, error_code = NULL WHERE status = 'failed' AND error_code = ${sqlString(code)} RETURNING import_id`,
    )
  ).getRows();
  return rows.length;
}
