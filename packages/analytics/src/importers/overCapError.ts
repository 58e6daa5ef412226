import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import type { OverCapIdentifier, StitchingLimits } from "../stitching/stitchIdentities.js";
import { ImportError, quoteValue } from "./ImportError.js";
import type { ColumnPlan } from "./planColumns.js";

/**
 * The refusal of an identifier linked to more partners than the cap allows, naming the first staged row that holds
 * it, so the user can look at the value in their file.
 */
export async function overCapError(
  connection: DuckDBConnection,
  staged: string,
  over: OverCapIdentifier,
  plan: ColumnPlan,
  limits: StitchingLimits,
  file: string,
): Promise<ImportError> {
  const index = plan.identifiers.findIndex((id) => id.kind === over.kind);
  let row: number | undefined;
  if (index >= 0) {
    const [[rowid]] = (
      await connection.runAndReadAll(`SELECT min(rowid) FROM ${staged} WHERE id_${index} = ${sqlString(over.value)}`)
    ).getRows() as [[bigint | null]];
    row = rowid === null ? undefined : Number(rowid) + 1;
  }
  return new ImportError(
    "identifier_over_cap",
    `${over.kind} ${quoteValue(over.value)} appears with ${over.partners} different ${over.partnerKind} values, more than the cap of ${limits.maxLinksPerIdentifier}, so it would join that many customers into one; it looks like a shared or placeholder value: add it to the deny-list, or raise the cap`,
    { file, row, column: row !== undefined ? plan.identifiers[index]!.column : undefined },
  );
}
