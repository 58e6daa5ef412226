import { NUMBER_PATTERN } from "../rules/propertiesMatch.js";

/** A SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A named value of a JSON column as text (NULL when absent), looked up by JSON pointer so no name needs quoting. */
export function jsonTextSql(column: string, name: string): string {
  return `json_extract_string(${column}, ${sqlString(`/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`)})`;
}

/** A text value read as a number when it is a plain decimal number (the same rule as the engine), else NULL. */
export function numberSql(text: string): string {
  return `CASE WHEN regexp_full_match(trim(${text}), ${sqlString(NUMBER_PATTERN)}) THEN CAST(trim(${text}) AS DOUBLE) END`;
}
