import { ImportError } from "./ImportError.js";
import type { IdentifierKind, ImportMapping, ScoreKind } from "@opencjm/core";

/** A mapping resolved against a file's actual columns. */
export interface ColumnPlan {
  identifiers: Array<{ column: string; kind: IdentifierKind }>;
  timestamp: string;
  /** A column (with the mapping's value for rows where it is empty) or one value for every row. */
  event: { column: string; fallback?: string } | { constant: string };
  channel?: { column: string; fallback?: string } | { constant: string };
  score?: { column: string; kind?: ScoreKind };
  scoreKindColumn?: string;
  text?: string;
  properties: Array<{ name: string; column: string }>;
  attributes: Array<{ name: string; column: string }>;
  /** Every column the import reads, for the duplicate-row fingerprint. */
  used: string[];
}

/**
 * Checks that every column the mapping names exists in the file (naming the ones that do not, with the file's real
 * header) and lays the mapping out by role.
 */
export function planColumns(mapping: ImportMapping, fileColumns: readonly string[], file: string): ColumnPlan {
  const present = new Set(fileColumns);
  const missing = Object.keys(mapping.columns).filter((c) => !present.has(c));
  if (missing.length) {
    const shown =
      fileColumns
        .slice(0, 20)
        .map((c) => `"${c}"`)
        .join(", ") + (fileColumns.length > 20 ? ", …" : "");
    const hint =
      fileColumns.length === 1 && /[,;\t|]/.test(fileColumns[0]!)
        ? " (the whole header is one column: is the delimiter right?)"
        : "";
    throw new ImportError(
      "unknown_column",
      `the mapping names ${missing.map((c) => `"${c}"`).join(", ")}, which the file does not have; its columns are ${shown}${hint}`,
      { file, column: missing[0] },
    );
  }
  const plan: ColumnPlan = {
    identifiers: [],
    timestamp: "",
    event: { constant: mapping.eventName ?? "" },
    properties: [],
    attributes: [],
    used: [],
  };
  for (const column of fileColumns) {
    const role =
      mapping.columns[column] ??
      (mapping.otherColumns === "properties" ? { role: "property" as const } : { role: "ignore" as const });
    if (role.role === "ignore") continue;
    plan.used.push(column);
    switch (role.role) {
      case "identifier":
        plan.identifiers.push({ column, kind: role.kind });
        break;
      case "timestamp":
        plan.timestamp = column;
        break;
      case "event":
        plan.event = { column, fallback: mapping.eventName };
        break;
      case "channel":
        plan.channel = { column, fallback: mapping.channel };
        break;
      case "score":
        plan.score = { column, kind: role.kind };
        break;
      case "scoreKind":
        plan.scoreKindColumn = column;
        break;
      case "text":
        plan.text = column;
        break;
      case "property":
        plan.properties.push({ name: role.name ?? column, column });
        break;
      case "attribute":
        plan.attributes.push({ name: role.name ?? column, column });
        break;
    }
  }
  if (!plan.channel && mapping.channel) plan.channel = { constant: mapping.channel };
  return plan;
}
