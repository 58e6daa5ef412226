import { ImportError } from "./ImportError.js";
import { ImportMappingSchema, type ImportMapping, type ImportMappingInput } from "@opencjm/core";

/**
 * The mapping an import uses: the one given, else the source's saved one, else the guess from the header; with the
 * caller's time zone, timestamp format and duplicates choice laid over it. A mapping that does not validate is refused with the field.
 */
export function resolveMapping(
  candidates: { given?: ImportMappingInput; saved?: ImportMappingInput | null; guessed: () => ImportMappingInput },
  overrides: { timeZone?: string; timestampFormat?: string; duplicates?: "error" | "skip" | "keep" },
  file: string,
): { mapping: ImportMapping; origin: "given" | "saved" | "guessed" } {
  const origin = candidates.given ? "given" : candidates.saved ? "saved" : "guessed";
  const base = candidates.given ?? candidates.saved ?? candidates.guessed();
  const input = {
    ...base,
    ...(overrides.timeZone ? { timeZone: overrides.timeZone } : {}),
    ...(overrides.timestampFormat ? { timestampFormat: overrides.timestampFormat } : {}),
    ...(overrides.duplicates ? { duplicates: overrides.duplicates } : {}),
  };
  const parsed = ImportMappingSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ["mapping", ...issue.path.map(String)].join(".");
    const guessed =
      origin === "guessed" ? ` (the mapping was guessed from the header: ${describeColumns(base)}; give one)` : "";
    throw new ImportError("bad_mapping", `${path}: ${issue.message}${guessed}`, { file });
  }
  return { mapping: parsed.data, origin };
}

function describeColumns(mapping: ImportMappingInput): string {
  return Object.entries(mapping.columns)
    .map(([column, role]) => `"${column}" → ${role.role}${"kind" in role && role.kind ? ` (${role.kind})` : ""}`)
    .join(", ");
}
