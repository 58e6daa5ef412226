import { importFileError } from "./importFileError.js";

/** Parses JSON text, naming the line and column of a syntax error. */
export function parseJsonText(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = Number(message.match(/position (\d+)/)?.[1]);
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split("\n");
      throw importFileError(fileName, `invalid JSON at line ${before.length}, column ${before.at(-1)!.length + 1}`);
    }
    throw importFileError(fileName, `invalid JSON (${message})`);
  }
}
