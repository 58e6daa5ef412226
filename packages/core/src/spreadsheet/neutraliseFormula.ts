// A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection"); tab and carriage
// return are included because some programs strip them and then see the formula behind them.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^''*[=+\-@\t\r]/;

/** Makes user text inert in a spreadsheet by putting an apostrophe before a formula-like start. */
export function neutraliseFormula(value: string): string {
  // Apostrophes already in front are counted in, so `restoreFormulaText` gives back exactly what was written.
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula` when reading our own spreadsheets back. */
export function restoreFormulaText(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
