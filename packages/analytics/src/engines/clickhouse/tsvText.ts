/** A value as a field of ClickHouse's TabSeparated format: NULL as \N, backslash, tab and line breaks escaped. */
export function tsvField(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

const UNESCAPED: Record<string, string> = {
  b: "\b",
  f: "\f",
  r: "\r",
  n: "\n",
  t: "\t",
  "0": "\0",
  "'": "'",
  "\\": "\\",
};

/** A TabSeparated field read back (null for \N); ClickHouse escapes \b \f \r \n \t \0 \' and backslash. */
export function readTsvField(field: string): string | null {
  if (field === "\\N") return null;
  if (!field.includes("\\")) return field;
  return field.replace(/\\(.)/g, (_, c: string) => UNESCAPED[c] ?? c);
}
