import { decodeText } from "./decodeText.js";
import { describeUnreadFile } from "./describeUnreadFile.js";
import { unsupportedFormat } from "./importFileError.js";
import type { ImportDraft, ImportFormat } from "./ImportDraft.js";
import { parseGridCsv } from "./parseGridCsv.js";
import { parseGridWorkbook } from "./parseGridWorkbook.js";
import { parseJsonText } from "./parseJsonText.js";
import { parseMapJson } from "./parseMapJson.js";
import { isMermaidJourney, parseMermaidJourney } from "./parseMermaidJourney.js";
import { parseOpenJourney } from "./parseOpenJourney.js";
import { unpackMapFile } from "./unpackMapFile.js";

/** Largest file an import reads (the HTTP body limit is usually lower). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Which reader a JSON document needs: ours (envelope or snapshot) or OpenJourney. */
function jsonFormat(json: unknown): "json" | "ojf" | undefined {
  if (!json || typeof json !== "object" || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  if (o.format === "opencjm.map" || ("settings" in o && "stages" in o) || ("columns" in o && "lanes" in o))
    return "json";
  if (Array.isArray(o.stages) && Array.isArray(o.swimlanes) && Array.isArray(o.nodes)) return "ojf";
  return undefined;
}

/** The format of a file, from its name and, when that says nothing, its first bytes. */
export function detectImportFormat(name: string, bytes: Uint8Array): ImportFormat | "jsonish" | undefined {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (ext === "xlsx" || isZip(bytes)) return "xlsx";
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "mmd" || ext === "mermaid") return "mermaid";
  if (ext === "ojf") return "ojf";
  if (ext === "json") return "jsonish";
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{")) return "jsonish";
  if (isMermaidJourney(head) || /```mermaid\s*\n\s*journey/.test(head)) return "mermaid";
  if (/^"?(stage|階段|阶段|этап|مرحله)"?[,;\t]/i.test(head)) return "csv";
  return undefined;
}

/**
 * Parses an uploaded or given file into a draft map, whatever supported format it is in: our JSON, an Excel or CSV
 * grid laid out like our export, Mermaid `journey`, or OpenJourney (.ojf). Nothing is written.
 */
export async function parseImportFile(
  file: { name: string; bytes: Uint8Array },
  unpacked = false,
): Promise<ImportDraft> {
  const { name, bytes } = file;
  if (bytes.length === 0) throw unsupportedFormat(`${name}: the file is empty`);
  if (bytes.length > MAX_IMPORT_BYTES)
    throw unsupportedFormat(`${name}: the file is larger than ${MAX_IMPORT_BYTES} bytes`);
  // A gzip file or a ZIP of one map file is read as that file (once: an archive inside is not unpacked again).
  const inner = unpacked ? undefined : await unpackMapFile(file, MAX_IMPORT_BYTES);
  if (inner) return parseImportFile(inner, true);
  const format = detectImportFormat(name, bytes);
  switch (format) {
    case "xlsx":
      return parseGridWorkbook(bytes, name);
    case "csv":
      return parseGridCsv(bytes, name);
    case "mermaid": {
      const text = decodeText(bytes, name);
      const block = text.match(/```mermaid\s*\n([\s\S]*?)```/);
      return parseMermaidJourney(block && !isMermaidJourney(text) ? block[1]! : text);
    }
    case "ojf":
      return parseOpenJourney(parseJsonText(decodeText(bytes, name), name), name);
    case "json":
    case "jsonish": {
      const json = parseJsonText(decodeText(bytes, name), name);
      const kind = jsonFormat(json);
      if (kind === "ojf") return parseOpenJourney(json, name);
      if (kind === "json") return parseMapJson(json);
      throw unsupportedFormat(`${name}: this looks like ${describeUnreadFile(bytes, json)}`);
    }
    default:
      throw unsupportedFormat(
        `${name}: ${lookingLike(bytes)}import reads OpenCJM JSON, Excel (.xlsx) or CSV grids, Mermaid journey (.mmd) and OpenJourney (.ojf), also gzipped or alone in a .zip`,
      );
  }
}

/** "this looks like a PDF document; " when the bytes say what the file is, "unknown format; " when they do not. */
function lookingLike(bytes: Uint8Array): string {
  const kind = describeUnreadFile(bytes);
  return kind ? `this looks like ${kind}; ` : "unknown format; ";
}
