import sax from "sax";
import { ImportError } from "./ImportError.js";
import type { ImportFormat } from "@opencjm/core";

type Table = { header: string[]; rows: string[][] };

const cell = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** Lays records out as a table: keys in first-seen order, values as text (nested values as JSON). */
function tabulate(records: Array<Record<string, unknown>>): Table {
  const header: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      header.push(k);
    }
  }
  return { header, rows: records.map((r) => header.map((k) => cell(r[k]))) };
}

/** The complete top-level objects at the start of a JSON array, even when the text is cut off mid-array. */
function arrayObjects(text: string, maxRows: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  const open = text.indexOf("[");
  for (let i = open + 1; i < text.length && out.length < maxRows; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === "}" || ch === "]") {
      if (depth === 0) break; // the end of the top-level array
      depth--;
      if (depth === 0) out.push(text.slice(start, i + 1));
    }
  }
  return out;
}

/** Records from the start of a JSON array or NDJSON text; a record that is not an object is named by its row. */
export function parseJsonPrefix(
  text: string,
  format: ImportFormat,
  complete: boolean,
  maxRows: number,
  file: string,
): Table {
  const body = text.replace(/^\uFEFF/, "");
  let chunks: string[];
  if (format === "ndjson") {
    const lines = body.split("\n");
    if (!complete) lines.pop(); // the last line may be cut off
    chunks = lines.filter((l) => l.trim()).slice(0, maxRows);
  } else chunks = arrayObjects(body, maxRows);
  const records = chunks.map((chunk, i) => {
    let value: unknown;
    try {
      value = JSON.parse(chunk);
    } catch (err) {
      throw new ImportError("malformed_file", `malformed JSON (${err instanceof Error ? err.message : String(err)})`, {
        file,
        row: i + 1,
      });
    }
    if (!value || typeof value !== "object" || Array.isArray(value))
      throw new ImportError("malformed_file", "is not a JSON object; every record must be an object of fields", {
        file,
        row: i + 1,
      });
    return value as Record<string, unknown>;
  });
  return tabulate(records);
}

/** Events from the start of an XES log, flattened like the importer does (trace attributes as `case:<key>`). */
export function parseXesPrefix(text: string, maxRows: number): Table {
  const records: Array<Record<string, string>> = [];
  const parser = sax.parser(true, {});
  let trace: Record<string, string> | undefined;
  let event: Record<string, string> | undefined;
  let depth = 0;
  parser.onopentag = (tag) => {
    const name = tag.name.toLowerCase();
    if (name === "trace") [trace, depth] = [{}, 0];
    else if (name === "event") [event, depth] = [{}, 0];
    else {
      depth++;
      const key = String(tag.attributes.key ?? "");
      if (depth === 1 && key && "value" in tag.attributes) {
        if (event) event[key] = String(tag.attributes.value);
        else if (trace) trace[`case:${key}`] = String(tag.attributes.value);
      }
    }
  };
  parser.onclosetag = (name) => {
    const n = name.toLowerCase();
    if (n === "event" && event) {
      if (records.length < maxRows) records.push({ ...trace, ...event });
      event = undefined;
    } else if (n === "trace") trace = undefined;
    else depth--;
  };
  parser.onerror = () => {
    // A sample cut off mid-tag ends here; what was read so far is the preview.
  };
  try {
    parser.write(text).close();
  } catch {
    // as above
  }
  return tabulate(records);
}
