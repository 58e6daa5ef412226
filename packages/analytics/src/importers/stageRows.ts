import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnPlan } from "./planColumns.js";
import { stagingSql, type StagingSettings } from "./stagingSql.js";
import { translateDuckDbError } from "./translateDuckDbError.js";

/**
 * Runs the staging pass (see stagingSql), reporting DuckDB's own query progress (0–1) while it reads, and turning
 * reader errors into ImportErrors naming the row.
 */
export async function stageRows(
  connection: DuckDBConnection,
  plan: ColumnPlan,
  settings: StagingSettings,
  file: string,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  await connection.run("SET enable_progress_bar = true");
  await connection.run("SET enable_progress_bar_print = false");
  const timer = onProgress
    ? setInterval(() => {
        const percentage = connection.progress.percentage;
        if (percentage >= 0) onProgress(percentage / 100);
      }, 200)
    : undefined;
  try {
    await connection.run(stagingSql(plan, settings));
  } catch (err) {
    throw translateDuckDbError(err, file);
  } finally {
    clearInterval(timer);
  }
}
