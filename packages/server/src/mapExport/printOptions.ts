import type { PrintLayout } from "@opencjm/core";
import { z } from "zod";

/** Paper sizes of the PDF/PNG export; `fit` makes one page exactly as large as the map. */
export const PaperSchema = z.enum(["A4", "A3", "Letter", "fit"]);
export type Paper = z.infer<typeof PaperSchema>;

/** Page orientation of the PDF/PNG export. */
export const OrientationSchema = z.enum(["landscape", "portrait"]);
export type Orientation = z.infer<typeof OrientationSchema>;

/** The print view's address for a share token, as the web app's `/print/:token` route reads it. */
export function printPath(
  token: string,
  options: { locale: string; paper: Paper; orientation: Orientation; layout?: PrintLayout },
): string {
  const query = new URLSearchParams({ lang: options.locale, paper: options.paper, orientation: options.orientation });
  // The map's own layout keeps the addresses it always had.
  if (options.layout === "infographic") query.set("layout", "infographic");
  return `/print/${encodeURIComponent(token)}?${query}`;
}

/**
 * The paper and orientation the print view is shown in for an export. A PNG of the map is one image of the whole map
 * at its natural size, never cut into pages of paper; the infographic is one landscape sheet of paper, as a PDF page
 * or a picture of it.
 */
export function printedPage(request: {
  format: "pdf" | "png";
  layout?: PrintLayout;
  paper: Paper;
  orientation: Orientation;
}): { paper: Paper; orientation: Orientation } {
  if (request.layout === "infographic")
    return { paper: request.paper === "fit" ? "A4" : request.paper, orientation: "landscape" };
  return { paper: request.format === "png" ? "fit" : request.paper, orientation: request.orientation };
}
