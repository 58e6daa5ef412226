import { sqlStringList } from "../engines/duckdb/sqlQuote.js";
import type { IdentifierKind } from "@opencjm/core";

/**
 * Placeholder values that systems write where an identifier is unknown. Sharing one of them says nothing about two
 * rows being the same customer, so they are dropped before stitching (compared lower-cased, after normalising).
 */
export const DEFAULT_DENY_LIST: readonly string[] = [
  "null",
  "(null)",
  "nil",
  "none",
  "n/a",
  "na",
  "#n/a",
  "undefined",
  "unknown",
  "not set",
  "(not set)",
  "not provided",
  "anonymous",
  "guest",
  "test",
  "-",
  "test@test.com",
  "test@example.com",
  "example@example.com",
  "email@email.com",
  "no@email.com",
  "noemail@noemail.com",
  "none@none.com",
  "00000000-0000-0000-0000-000000000000",
];

/** Phone numbers shorter than this many digits are extensions or junk, not a way to recognise a customer. */
export const MIN_PHONE_DIGITS = 6;

/**
 * SQL normalising one raw identifier of a kind: e-mails trimmed and lower-cased, phones reduced to their digits
 * (so "+1 (555) 010-2030" and "15550102030" match), everything else trimmed with case kept (cookie ids are
 * case-sensitive). Empty results are NULL.
 */
export function normalizeIdentifierSql(raw: string, kind: IdentifierKind): string {
  if (kind === "email") return `nullif(lower(trim(${raw})), '')`;
  if (kind === "phone") return `nullif(regexp_replace(${raw}, '[^0-9]', '', 'g'), '')`;
  return `nullif(trim(${raw}), '')`;
}

/**
 * SQL that is true when a normalised identifier is junk: on the deny-list or only zeros and dashes ("0000…", the nil
 * UUID) for every kind; for phones also one digit repeated or too few digits; for cookie and device ids one
 * character repeated four or more times ("xxxxxxxx"). Customer ids and e-mails have no repetition rule: "111" is a
 * fine CRM id.
 */
export function isJunkIdentifierSql(value: string, kind: IdentifierKind, denyList: readonly string[]): string {
  // ltrim of zeros and dashes leaving nothing means the value was only those: cheaper than a regular expression.
  const checks = [`lower(${value}) IN (${sqlStringList(denyList)})`, `ltrim(${value}, '0-') = ''`];
  const repeated = `replace(${value}, left(${value}, 1), '') = ''`;
  if (kind === "phone") checks.push(repeated, `length(${value}) < ${MIN_PHONE_DIGITS}`);
  if (kind === "cookie" || kind === "device") checks.push(`(length(${value}) >= 4 AND ${repeated})`);
  return `(${checks.join(" OR ")})`;
}
