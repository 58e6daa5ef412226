import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { findSourceByName, getSource } from "../sources/sourceStore.js";
import type { ImportEventsOptions } from "./ImportEventsOptions.js";
import { ImportError } from "./ImportError.js";
import { failImportRecord, startImportRecord } from "./importRecord.js";

/** The error of a cancelled import; a string reason of the signal ("by Ana") says who or what cancelled it. */
export function cancelledError(signal: AbortSignal | undefined, file: string): ImportError {
  const reason: unknown = signal?.reason;
  return new ImportError(
    "cancelled",
    `the import was cancelled${typeof reason === "string" ? ` ${reason}` : ""}; nothing of it was stored`,
    { file },
  );
}

/**
 * Records an import cancelled before its history entry was written (while it waited for its turn, or in the first
 * moments of its run), as one cancelled later would be: a failed entry in the history of its source (none when the
 * import was to create the source). It touches only its own row of `imports`, so it need not wait for the import
 * running meanwhile.
 */
export async function recordEarlyCancellation(
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
