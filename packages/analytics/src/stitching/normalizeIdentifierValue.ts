import type { IdentifierKind } from "@opencjm/core";

/** The JavaScript twin of normalizeIdentifierSql, for looking an identifier up the way the importer stored it. */
export function normalizeIdentifierValue(kind: IdentifierKind, raw: string): string | undefined {
  const value =
    kind === "email" ? raw.trim().toLowerCase() : kind === "phone" ? raw.replace(/[^0-9]/g, "") : raw.trim();
  return value || undefined;
}
