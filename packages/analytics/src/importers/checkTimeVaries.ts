import { constantTimeColumn, type GuessNote, type ImportMappingInput } from "@opencjm/core";

/**
 * Warns when a mapping's timestamp column does not change within any customer of the sample rows: every event of a
 * journey would then happen at one moment, and steps, paths and durations would be meaningless. Checked on the first
 * rows before anything is imported, by the preview and by the import alike (the browser runs the same check).
 */
export function timeColumnWarnings(mapping: ImportMappingInput, header: readonly string[], rows: string[][]): string[] {
  const time = constantTimeColumn(mapping, header, rows);
  if (time === undefined) return [];
  return [
    `"${time}" has the same value on every row of each customer in the first ${rows.length} rows: is it the time of each event, or a start or sign-up date? Map the column that says when each event happened as the timestamp`,
  ];
}

/** The same warning as a code and its values, for the reader's language (vocabulary `guessNote.constantTime`). */
export function timeColumnNotes(mapping: ImportMappingInput, header: readonly string[], rows: string[][]): GuessNote[] {
  const column = constantTimeColumn(mapping, header, rows);
  return column === undefined ? [] : [{ code: "constantTime", values: { column, rows: rows.length } }];
}
