import type {
  ExportFormat,
  MapImported,
  MapImportFile,
  MapImportPreview,
  ShareLink,
  ShareLinkCreated,
} from "@opencjm/core";
import { api, ApiRequestError } from "../../api/apiClient.js";

export const PAPERS = ["A4", "A3", "Letter", "fit"] as const;
export type Paper = (typeof PAPERS)[number];
export type Orientation = "landscape" | "portrait";
/** A PNG's pixel density; empty leaves it to the server (twice the screen's, less for a very large map). */
export const PNG_SCALES = ["", "1", "2", "3"] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** What the user chose in the export dialog; `lang` empty means the map's own language. */
export interface ExportChoice {
  format: ExportFormat;
  lang: string;
  paper: Paper;
  orientation: Orientation;
  scale: PngScale;
  /** Include the map's research (the XLSX Research sheet, the PDF's research appendix). */
  research: boolean;
}

/** Formats that can carry the map's research: the PDF's appendix and the Excel workbook's sheet. */
export const RESEARCH_FORMATS: readonly ExportFormat[] = ["pdf", "xlsx"];

/** What the export dialog offers first: a landscape A4 PDF in the map's language, with the map's research. */
export const DEFAULT_EXPORT_CHOICE: ExportChoice = {
  format: "pdf",
  lang: "",
  paper: "A4",
  orientation: "landscape",
  scale: "",
  // A member's own export carries the map's research unless they untick it.
  research: true,
};

const exportBase = (workspaceId: string, mapId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}/export`;

/** The export's query for a choice: only what applies to its format. */
function exportQuery(choice: ExportChoice): URLSearchParams {
  const query = new URLSearchParams({ format: choice.format });
  if (choice.lang) query.set("lang", choice.lang);
  if (choice.format === "pdf") {
    query.set("paper", choice.paper);
    query.set("orientation", choice.orientation);
  }
  // A PNG is one image of the whole map: no paper, only its density.
  if (choice.format === "png" && choice.scale) query.set("scale", choice.scale);
  // The infographic is one landscape sheet: only its paper is chosen.
  if (choice.format === "infographic" && choice.paper !== "fit") query.set("paper", choice.paper);
  if (choice.research && RESEARCH_FORMATS.includes(choice.format)) query.set("research", "true");
  return query;
}

/** The export endpoint for a choice. */
export function exportPath(workspaceId: string, mapId: string, choice: ExportChoice): string {
  return `${exportBase(workspaceId, mapId)}?${exportQuery(choice)}`;
}

/** Formats the server prints with its browser, which it can get ready for while the user chooses. */
const PRINTED_FORMATS: readonly ExportFormat[] = ["pdf", "png", "infographic", "infographic-png"];

/**
 * Asks the server to get ready for a printed export as chosen so far: it starts its browser and draws the map's print
 * view in that format, language and paper, so the export itself does not wait for them. Best effort: a refusal or
 * failure here is met again, and reported, by the export.
 */
export function prepareExport(workspaceId: string, mapId: string, choice: ExportChoice): void {
  if (!PRINTED_FORMATS.includes(choice.format)) return;
  const query = exportQuery(choice);
  // The research and a PNG's density change nothing the server could get ready.
  query.delete("research");
  query.delete("scale");
  void api.post<null>(`${exportBase(workspaceId, mapId)}/prepare?${query}`).catch(() => undefined);
}

/** The file name the server gave an export (RFC 6266 `filename*`), or a fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const encoded = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name: use the fallback.
    }
  }
  return header?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

/** Fetches an export and hands it to the browser as a download. */
export async function downloadExport(workspaceId: string, mapId: string, choice: ExportChoice): Promise<string> {
  let response: Response;
  try {
    response = await fetch(exportPath(workspaceId, mapId, choice), { credentials: "same-origin" });
  } catch (err) {
    throw new ApiRequestError(0, "network", err instanceof Error ? err.message : String(err));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiRequestError(
      response.status,
      body.error?.code ?? `http_${response.status}`,
      body.error?.message ?? response.statusText,
    );
  }
  const name = attachmentName(response.headers.get("content-disposition"), `map.${choice.format}`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A read-only share link as the server lists it. */
export type { ShareLink };

const links = (workspaceId: string, mapId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/${encodeURIComponent(mapId)}/share-links`;

/** Share links of a map (those not revoked). */
export const listShareLinks = (workspaceId: string, mapId: string) => api.get<ShareLink[]>(links(workspaceId, mapId));
/** Creates a share link; the token comes back once. */
export const createShareLink = (
  workspaceId: string,
  mapId: string,
  body: { label: string; expiresAt: string | null; includeResearch: boolean },
) => api.post<ShareLinkCreated>(links(workspaceId, mapId), body);
/** Revokes a share link. */
export const revokeShareLink = (workspaceId: string, mapId: string, linkId: string) =>
  api.delete<{ ok: true }>(`${links(workspaceId, mapId)}/${encodeURIComponent(linkId)}`);

/** What an import would create, as the preview endpoint reports it. */
export type ImportPreview = MapImportPreview;

/** A file as the import endpoints take it: text as is, anything else as base64. */
export type ImportFile = Required<MapImportFile>;

const TEXT_FILE = /\.(json|ojf|csv|tsv|mmd|mermaid|md|txt)$/i;

/** Reads a chosen file for upload. */
export async function readImportFile(file: File): Promise<ImportFile> {
  if (TEXT_FILE.test(file.name)) return { name: file.name, content: await file.text(), encoding: "text" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In slices: String.fromCharCode with a whole large file as arguments overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, content: btoa(binary), encoding: "base64" };
}

const imports = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/maps/import`;

/** Reads a file on the server and says what importing it would do; nothing is created. */
export const previewImport = (workspaceId: string, file: ImportFile) =>
  api.post<ImportPreview>(`${imports(workspaceId)}/preview`, file);
/** Imports a file as a new map, all or nothing. */
export const runImport = (workspaceId: string, file: ImportFile) => api.post<MapImported>(imports(workspaceId), file);
