import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { ImportError } from "./ImportError.js";
import { failImportRecord } from "./importRecord.js";

/** Records the failure in the history, or, when the import was creating its source, removes every trace. */
export async function recordImportFailure(
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
