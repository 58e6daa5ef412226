import { parse } from "csv-parse/sync";
import { ImportError } from "./ImportError.js";

/** The dialect and first rows of a delimited text file. */
export interface DelimitedSample {
  delimiter: string;
  header: string[];
  /** The first data rows (as many as the sample holds, up to the limit asked for). */
  rows: string[][];
}

const CANDIDATES = [",", ";", "\t", "|"];

function parseWith(text: string, delimiter: string): string[][] | undefined {
  try {
    // Lenient on purpose: this only finds the dialect; DuckDB reads the file strictly and names bad rows.
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch {
    return undefined;
  }
}

/**
 * Finds the delimiter of a CSV/TSV sample (the candidate that splits the header into the most columns with every
 * row agreeing), its header and its first rows. `complete` says the sample is the whole file, so a missing last
 * line break is not a cut-off row. The header must name every column, once.
 */
export function sniffDelimited(
  sampleText: string,
  options: { complete: boolean; delimiter?: string; file?: string; maxRows?: number },
): DelimitedSample {
  const text = options.complete ? sampleText : sampleText.slice(0, Math.max(sampleText.lastIndexOf("\n"), 0));
  const candidates = options.delimiter ? [options.delimiter] : CANDIDATES;
  let best: { delimiter: string; records: string[][]; score: number } | undefined;
  for (const delimiter of candidates) {
    const records = parseWith(text, delimiter);
    if (!records || records.length === 0) continue;
    const width = records[0]!.length;
    const agreeing = records.filter((r) => r.length === width).length / records.length;
    // A delimiter that does not split the header is no delimiter; then agreement matters most (a ragged row must not
    // make another candidate win), and among agreeing candidates more columns wins.
    const score = width > 1 ? agreeing * 1000 + Math.min(width, 999) : 0;
    if (!best || score > best.score) best = { delimiter, records, score };
  }
  if (!best)
    throw new ImportError(
      "malformed_file",
      "cannot read the file as delimited text (unbalanced quotes at the start?)",
      { file: options.file },
    );
  const [rawHeader = [], ...rows] = best.records;
  return {
    delimiter: best.delimiter,
    header: cleanHeader(rawHeader, options.file),
    rows: rows.slice(0, options.maxRows ?? 20),
  };
}

/**
 * Trims header names and names unnamed columns `column<n>` (a pandas index column has no name); refuses a name used
 * twice, since a mapping could not tell the two apart.
 */
export function cleanHeader(header: string[], file?: string): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim() || `column${i + 1}`;
    const earlier = seen.get(name);
    if (earlier !== undefined)
      throw new ImportError(
        "bad_header",
        `the header names column "${name}" twice (columns ${earlier + 1} and ${i + 1})`,
        { file, column: name },
      );
    seen.set(name, i);
    return name;
  });
}
