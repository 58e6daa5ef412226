import type { Locale, PrintLayout } from "@opencjm/core";
import { createShareLink, EXPORT_LINK_TTL_MS } from "../commands/shareLinkCreator.js";
import type { Services } from "../services.js";
import { printRendererOf } from "./MapPrintRenderer.js";
import { printedPage, printPath, type Orientation, type Paper } from "./printOptions.js";
import { WarmUpLimiter } from "./WarmUpLimiter.js";

/** The export the dialog would ask for as it stands: the format, and the language and paper chosen so far. */
export interface PrepareRequest {
  format: "pdf" | "png";
  layout?: PrintLayout;
  /** The map's own language when not given. */
  locale?: Locale;
  paper: Paper;
  orientation: Orientation;
}

const limiters = new WeakMap<Services, WarmUpLimiter>();

/**
 * Gets the export browser ready for an export of `map` (the export dialog opened on it): the browser shows that map's
 * print view, in the language and on the paper asked, in a tab it keeps for the export, which then changes only the
 * tab's address. The view is opened as an export's is, through a minute-long one-use link (purpose "export", never
 * listed) deleted as soon as the view is drawn, so the page sees nothing an export of the same map would not. Best
 * effort and bounded: nothing is done while a warm-up or an export runs, or when the caller asked too often
 * (WarmUpLimiter); an export that never comes costs only the kept tab. Resolves as soon as the warm-up has started
 * (`MapPrintRenderer.settled` waits for its end), or was not to be; never rejects.
 */
export async function preparePrintExport(
  services: Services,
  baseUrl: string,
  map: { id: string; workspaceId: string },
  userId: string,
  request: PrepareRequest,
): Promise<void> {
  const renderer = printRendererOf(services);
  if (renderer.isBusy) return;
  try {
    const locale = request.locale ?? (await services.maps.readSnapshot(map.id)).settings.locale;
    const { paper, orientation } = printedPage(request);
    let limiter = limiters.get(services);
    if (!limiter) limiters.set(services, (limiter = new WarmUpLimiter()));
    if (!limiter.allow(userId, JSON.stringify([map.id, request.layout ?? "map", locale, paper, orientation]))) return;
    const { link, token } = await createShareLink(services.db, {
      workspaceId: map.workspaceId,
      mapId: map.id,
      userId,
      purpose: "export",
      expiresAt: new Date(Date.now() + EXPORT_LINK_TTL_MS).toISOString(),
    });
    const url = new URL(printPath(token, { layout: request.layout, locale, paper, orientation }), baseUrl);
    void renderer
      .warm(url, request.format)
      .then(() => services.db.kysely.deleteFrom("share_links").where("id", "=", link.id).execute())
      // A link left behind (the database closed at shutdown) expires within minutes and is pruned with the others.
      .catch(() => undefined);
  } catch {
    // Whatever failed here is the export's to meet and report.
  }
}
