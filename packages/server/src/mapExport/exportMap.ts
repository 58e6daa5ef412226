import type { ExportFormat } from "@opencjm/core";
import { exportExcelWorkbook } from "./excelWorkbook.js";
import type { ExportInput } from "./ExportInput.js";
import { exportGridCsv } from "./gridCsv.js";
import { exportMarkdownOutline } from "./markdownOutline.js";
import { toMapExport } from "./mapJsonFormat.js";
import { exportMermaidJourney } from "./mermaidJourney.js";
import { exportPptxDeck } from "./pptxDeck.js";

/** Formats Chromium renders from the print view (see `MapPrintRenderer`), and how. */
export const PRINT_EXPORTS = {
  pdf: { format: "pdf", layout: "map" },
  png: { format: "png", layout: "map" },
  infographic: { format: "pdf", layout: "infographic" },
  "infographic-png": { format: "png", layout: "infographic" },
} as const satisfies Partial<Record<ExportFormat, { format: "pdf" | "png"; layout: "map" | "infographic" }>>;
type PrintExportFormat = keyof typeof PRINT_EXPORTS;

/** Whether a format is rendered by Chromium rather than made from the map data alone. */
export function isPrintExport(format: ExportFormat): format is PrintExportFormat {
  return format in PRINT_EXPORTS;
}

/** Formats made from the map data alone, without a browser. */
export type DataExportFormat = Exclude<ExportFormat, PrintExportFormat>;

/** Content type and file extension of each format. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  pdf: { contentType: "application/pdf", extension: "pdf" },
  png: { contentType: "image/png", extension: "png" },
  infographic: { contentType: "application/pdf", extension: "pdf" },
  "infographic-png": { contentType: "image/png", extension: "png" },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  mermaid: { contentType: "text/plain; charset=utf-8", extension: "mmd" },
};

/** A file name for an export: the map title made safe for every file system, and the format's extension. */
export function exportFileName(title: string, format: ExportFormat): string {
  const safe = [...title.normalize("NFC")]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? " " : ch))
    .join("");
  const base = safe.replace(/\s+/g, " ").trim().slice(0, 80) || "map";
  return `${base}.${EXPORT_FILE_TYPES[format].extension}`;
}

/** Renders a map in one of the data formats (everything but the print view's). */
export async function exportMapData(
  format: DataExportFormat,
  input: ExportInput,
  summary: { type: string; status: string },
): Promise<Uint8Array> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case "json":
      return utf8(
        `${JSON.stringify(toMapExport({ id: input.map.id, title: input.map.title, ...summary }, input.snapshot, input.personas, input.touchpoints, input.records), null, 2)}\n`,
      );
    case "csv":
      return utf8(exportGridCsv(input));
    case "md":
      return utf8(exportMarkdownOutline(input));
    case "mermaid":
      return utf8(exportMermaidJourney(input));
    case "xlsx":
      return exportExcelWorkbook(input);
    case "pptx":
      return exportPptxDeck(input);
  }
}
