// Column names and file paths come from users' files and uploads, so they are quoted, never spliced in raw.

/** A SQL identifier ("column name") with embedded quotes doubled. */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal ('text') with embedded quotes doubled; NUL bytes are refused. */
export function sqlString(value: string): string {
  if (value.includes("\0")) throw new Error("a SQL string may not contain NUL bytes");
  return `'${value.replace(/'/g, "''")}'`;
}

/** A list of string literals for `IN (…)`. */
export function sqlStringList(values: readonly string[]): string {
  return values.length ? values.map(sqlString).join(", ") : "NULL";
}
