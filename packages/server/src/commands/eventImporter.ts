import { createWriteStream } from "node:fs";
import { mkdir, rm, statfs } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  formatBytes,
  getImport,
  importEvents,
  ImportError,
  type ImportEventsOptions,
  type ImportRecord,
} from "@opencjm/analytics";
import { newId } from "@opencjm/core";
import { DomainError, type ErrorClass } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { reportImportOutcome } from "../activity/importOutcomeReporter.js";
import { publishWorkspaceEvents } from "../analyticsEngine/clickHouseEngine.js";

/** What kind of failure each import error is: the file's content is unprocessable, a missing source not found, no room on disk. */
const KIND: Partial<Record<ImportError["code"], ErrorClass>> = {
  source_not_found: "not_found",
  source_exists: "conflict",
  database_busy: "conflict",
  too_large: "too_large",
  not_enough_disk: "insufficient_storage",
  cancelled: "conflict",
  internal: "internal",
};

/**
 * An import failure as a domain error: its stable code, its message, and one detail saying where in the file as data
 * (`row`, `column`) — and, for readers, as its path ("row 2, column opened").
 */
export function importFailureError(error: {
  code: string;
  message: string;
  row?: number | null;
  column?: string | null;
  reason?: string;
}): DomainError {
  const path =
    [error.row != null ? `row ${error.row}` : "", error.column != null ? `column ${error.column}` : ""]
      .filter(Boolean)
      .join(", ") || "file";
  const where = {
    ...(error.row != null ? { row: error.row } : {}),
    ...(error.column != null ? { column: error.column } : {}),
  };
  return new DomainError({
    // A publication to ClickHouse that failed is the cluster's trouble, not the file's: retry later (503).
    kind:
      error.code === "clickhouse_publish_failed"
        ? "unavailable"
        : (KIND[error.code as ImportError["code"]] ?? "unprocessable"),
    code: error.code,
    message: error.message,
    details: [{ path, message: error.reason ?? error.message, ...where, code: error.code }],
  });
}

/**
 * Streams a request body to a file in the workspace's upload folder without holding it in memory, refusing it
 * (413) once it passes MAX_UPLOAD_BYTES — at once when Content-Length says so — and (507) when the disk cannot hold
 * what Content-Length announces.
 */
export async function receiveUpload(
  services: Services,
  workspaceId: string,
  body: ReadableStream<Uint8Array> | null,
  contentLength: number | undefined,
  suffix: string,
): Promise<{ path: string; bytes: number }> {
  const limit = services.config.maxUploadBytes;
  const tooLarge = () =>
    new DomainError({
      kind: "too_large",
      code: "too_large",
      message: `the file is larger than the upload limit of ${formatBytes(limit)} (MAX_UPLOAD_BYTES); import it with the cjm import-events command instead`,
    });
  if (contentLength !== undefined && contentLength > limit) throw tooLarge();
  if (!body)
    throw new DomainError({
      kind: "invalid",
      code: "empty_file",
      message: "send the file as the request body",
      details: [{ path: "body", message: "missing" }],
    });
  const dir = services.analytics.uploadDir(workspaceId);
  await mkdir(dir, { recursive: true });
  if (contentLength !== undefined) {
    const fs = await statfs(dir);
    const free = Number(fs.bavail) * Number(fs.bsize);
    if (contentLength * 1.5 > free)
      throw new DomainError({
        kind: "insufficient_storage",
        code: "not_enough_disk",
        message: `a ${formatBytes(contentLength)} file needs about ${formatBytes(contentLength * 1.5)} of free disk space for the upload and the event store; ${formatBytes(free)} is free`,
      });
  }
  const path = join(dir, `${newId("upl_")}${suffix}`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limit ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), counter, createWriteStream(path));
  } catch (err) {
    await rm(path, { force: true });
    throw err instanceof DomainError
      ? err
      : new DomainError({
          kind: "invalid",
          code: "upload_failed",
          message: `the upload did not complete (${err instanceof Error ? err.message : String(err)})`,
        });
  }
  return { path, bytes };
}

/** One import to run in the background of the server. */
export interface EventImportRequest {
  workspaceId: string;
  sourceId: string;
  path: string;
  fileName: string;
  options: Pick<
    ImportEventsOptions,
    "mapping" | "format" | "encoding" | "delimiter" | "timeZone" | "timestampFormat" | "duplicates" | "skipBadRows"
  >;
}

/**
 * Starts an import of an uploaded file into a source, publishing its progress to the tracker (for server-sent
 * events), and deletes the upload when it ends. Returns at once with the import id and a promise of its final
 * history record (done or failed; an ImportError is also recorded, never thrown).
 */
export async function startEventImport(
  services: Services,
  request: EventImportRequest,
): Promise<{ importId: string; finished: Promise<ImportRecord> }> {
  const db = await services.analytics.open(request.workspaceId);
  const importId = newId("imp_");
  const tracker = services.analytics.imports;
  const controller = new AbortController();
  const started = Date.now();
  tracker.start(request.workspaceId, importId, controller);
  let last = 0;
  const finished = importEvents(db, {
    ...request.options,
    path: request.path,
    fileName: request.fileName,
    source: { sourceId: request.sourceId },
    importId,
    signal: controller.signal,
    onProgress(progress) {
      // At most ten updates a second, plus every phase change.
      const now = Date.now();
      if (now - last < 100 && progress.phaseFraction > 0 && progress.phaseFraction < 1) return;
      last = now;
      tracker.publish({ type: "progress", importId, progress });
    },
  })
    .then(
      async (): Promise<{ record?: ImportRecord; err?: unknown }> => {
        // With ClickHouse, an import is finished once its events are published there too; a failed publication
        // marks the import failed in its history (the events stay in DuckDB; ClickHouse keeps answering from the
        // previous batch, and the next publication that succeeds carries them and marks the import done again).
        try {
          await publishWorkspaceEvents(services.analytics, request.workspaceId, {
            importId,
            signal: controller.signal,
          });
        } catch (err) {
          return { record: await getImport(db.connection, importId), err };
        }
        return { record: await getImport(db.connection, importId) };
      },
      async (err: unknown): Promise<{ record?: ImportRecord; err?: unknown }> => ({
        record: await getImport(db.connection, importId),
        err,
      }),
    )
    .then(async ({ record, err }) => {
      if (!record) {
        // Stopped before its history row was written (cancelled while its first rows were read): whoever follows
        // it still hears that it ended, or their stream (and a stopping server waiting on it) would wait forever.
        const failure = err instanceof ImportError ? importFailureError(err) : err;
        tracker.publish({
          type: "failed",
          importId,
          record: {
            importId,
            sourceId: request.sourceId,
            fileName: request.fileName,
            format: "",
            encoding: null,
            status: "failed",
            rowsRead: 0,
            eventsStored: 0,
            fileSize: null,
            error: {
              code: err instanceof ImportError ? err.code : "import_failed",
              message: failure instanceof Error ? failure.message : String(failure),
              row: null,
              column: null,
            },
            startedAt: new Date(started).toISOString(),
            finishedAt: new Date().toISOString(),
            summary: null,
          },
        });
        throw failure;
      }
      tracker.publish({ type: record.status === "done" ? "done" : "failed", importId, record });
      if (err && !(err instanceof ImportError)) console.error(err);
      const startedBy = tracker.current(request.workspaceId, importId)?.startedBy;
      await reportImportOutcome(services, request.workspaceId, startedBy, record);
      return record;
    })
    .finally(() => rm(request.path, { force: true }));
  // The caller may not wait; a failure is in the record, so nothing is left unhandled.
  finished.catch(() => undefined);
  tracker.settles(importId, finished);
  return { importId, finished };
}
