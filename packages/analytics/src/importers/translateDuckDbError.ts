import { ImportError } from "./ImportError.js";

const firstLine = (message: string) => message.split("\n")[0]!.replace(/^[A-Za-z ]+Error: /, "");

/**
 * Turns a DuckDB reader error into an ImportError naming the row: CSV errors carry the physical line (the header is
 * line 1, so data row = line − 1 for files without line breaks inside quoted values), JSON errors the line or record.
 * Anything else is not the file's fault and is returned unchanged (a bug should surface as one).
 */
export function translateDuckDbError(err: unknown, file: string): Error {
  if (err instanceof ImportError) return err.inFile(file);
  const message = err instanceof Error ? err.message : String(err);
  const csvLine = Number(message.match(/CSV Error on Line: (\d+)/)?.[1]);
  if (Number.isFinite(csvLine)) {
    const row = csvLine - 1;
    const original = message.match(/Original Line: (.*)/)?.[1];
    const shown = original
      ? ` (line ${csvLine}: ${JSON.stringify(original.length > 80 ? `${original.slice(0, 77)}…` : original)})`
      : ` (line ${csvLine})`;
    const columns = message.match(/Expected Number of Columns: (\d+) Found: (\d+)/);
    if (columns) {
      const [, expected, found] = columns;
      const hint =
        found === "1" ? "; is the delimiter right?" : " (a ragged row, or an unquoted delimiter inside a value)";
      return new ImportError("ragged_row", `has ${found} columns but the header has ${expected}${hint}${shown}`, {
        file,
        row,
      });
    }
    if (/unterminated quote/i.test(message))
      return new ImportError("malformed_file", `a quoted value is never closed${shown}`, { file, row });
    if (/unicode|UTF-?8/i.test(message))
      return new ImportError("bad_encoding", `is not valid UTF-8${shown}; give the file's encoding`, { file, row });
    if (/line size|maximum line/i.test(message))
      return new ImportError(
        "malformed_file",
        `is longer than 16 MB; is the file binary or the delimiter wrong?${shown}`,
        { file, row },
      );
    return new ImportError(
      "malformed_file",
      `cannot be read: ${firstLine(message.replace(/CSV Error on Line: \d+\s*/, ""))}${shown}`,
      { file, row },
    );
  }
  if (/Invalid unicode|invalid UTF-?8/i.test(message))
    return new ImportError("bad_encoding", "is not valid UTF-8; give the file's encoding", { file });
  const json = message.match(/Malformed JSON.*?(?:line|record\/value) (\d+): (.*)/);
  if (json)
    return new ImportError("malformed_file", `malformed JSON: ${json[2]!.trim()}`, { file, row: Number(json[1]) });
  if (/Malformed JSON/i.test(message))
    return new ImportError("malformed_file", `malformed JSON: ${firstLine(message)}`, { file });
  if (/parquet|magic bytes|Invalid Input Error: File/i.test(message))
    return new ImportError("malformed_file", `cannot read the file: ${firstLine(message)}`, { file });
  if (/Could not set lock|Conflicting lock/i.test(message))
    return new ImportError(
      "database_busy",
      "the workspace's event database is open in another process (a running server?); import through its API or stop it first",
      { file },
    );
  if (/No space left|disk full|Out of Memory/i.test(message))
    return new ImportError("not_enough_disk", `ran out of space: ${firstLine(message)}`, { file });
  if (/INTERRUPT/i.test(message)) return new ImportError("cancelled", "the import was cancelled", { file });
  return err instanceof Error ? err : new Error(message);
}
