import type { Locale, PrintLayout } from "@opencjm/core";
import { createShareLink, EXPORT_LINK_TTL_MS, pruneExportLinks } from "../commands/shareLinkCreator.js";
import type { Services } from "../services.js";
import { printRendererOf } from "./MapPrintRenderer.js";
import { printedPage, printPath, type Orientation, type Paper } from "./printOptions.js";

/** A PDF or PNG export request for one map: the map itself, or its one-page infographic. */
export interface PrintExportRequest {
  format: "pdf" | "png";
  /** `map` unless said otherwise. */
  layout?: PrintLayout;
  locale?: Locale;
  paper: Paper;
  orientation: Orientation;
  /** A version of the map to print instead of the map as it is now. */
  versionId?: string;
  /** Pixel density of a PNG (1 to 3). */
  scale?: number;
  /** The PDF's appendix includes the map's research (the requesting member asked for it). */
  research?: boolean;
}

/**
 * Renders a map to PDF or PNG: a minute-long internal share link (purpose "export", never listed) lets the browser
 * open the print view without anyone's credentials; it is deleted as soon as the page is printed.
 */
export async function renderPrintExport(
  services: Services,
  baseUrl: string,
  map: { id: string; workspaceId: string },
  createdBy: string,
  request: PrintExportRequest,
): Promise<Uint8Array> {
  const locale = request.locale ?? (await services.maps.readSnapshot(map.id)).settings.locale;
  const expiresAt = new Date(Date.now() + EXPORT_LINK_TTL_MS).toISOString();
  const { link, token } = await createShareLink(services.db, {
    workspaceId: map.workspaceId,
    mapId: map.id,
    userId: createdBy,
    purpose: "export",
    expiresAt,
    versionId: request.versionId,
    includeResearch: request.research,
  });
  try {
    const { paper, orientation } = printedPage(request);
    const url = new URL(printPath(token, { ...request, paper, orientation, locale }), baseUrl).toString();
    return await printRendererOf(services).render({
      url,
      format: request.format,
      paper,
      orientation,
      scale: request.scale,
    });
  } finally {
    await services.db.kysely.deleteFrom("share_links").where("id", "=", link.id).execute();
    await pruneExportLinks(services.db);
  }
}
