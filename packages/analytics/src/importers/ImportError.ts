import type { ImportErrorCode } from "@opencjm/core";

/** Stable codes of import failures: the wire contract's list (core), which the server sends and the web app translates. */
export type { ImportErrorCode };

/** Where in the file a problem is: 1-based data row (the header is not counted) and the column's header name. */
export interface ImportErrorLocation {
  file?: string;
  row?: number;
  column?: string;
}

/** A refused import: says which file, row and column failed and why; nothing of the import was stored. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  /** The message without the location prefix. */
  readonly reason: string;

  constructor(code: ImportErrorCode, reason: string, where: ImportErrorLocation = {}) {
    super(`${formatLocation(where)}${reason}`);
    this.name = "ImportError";
    this.code = code;
    this.reason = reason;
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }

  /** The same error with the file name filled in (readers deep inside only know the row). */
  inFile(file: string): ImportError {
    return this.file ? this : new ImportError(this.code, this.reason, { file, row: this.row, column: this.column });
  }
}

function formatLocation({ file, row, column }: ImportErrorLocation): string {
  const parts = [
    file,
    row !== undefined ? `row ${row}` : undefined,
    column !== undefined ? `column "${column}"` : undefined,
  ].filter(Boolean);
  return parts.length ? `${parts.join(", ")}: ` : "";
}

/** Quotes a value from the file for a message, cut to a readable length. */
export function quoteValue(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(shown);
}
