import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { DomainError } from "../errors/DomainError.js";
import { isPrintRequestAllowed } from "./printRequestPolicy.js";

/** The little of the page's DOM the renderer reads and drives. */
export type PageGlobals = {
  document: {
    documentElement: { dataset: Record<string, string | undefined>; lang?: string };
    querySelector(selector: string): { getBoundingClientRect(): Box } | null;
  };
  scrollX: number;
  scrollY: number;
  history: { replaceState(state: null, unused: string, url: string): void };
};

type Box = { x: number; y: number; width: number; height: number };

/** A browser tab that prints, kept between exports; its requests are checked against the view it now shows. */
export interface PrintTab {
  page: Page;
  /** The DevTools session that takes its pictures. */
  devtools: CDPSession;
  printUrl: URL;
  /** Views shown in it (a warm-up's included). */
  uses: number;
  /** The app runs in it (it showed a view): the next view is only a change of address, not a page load. */
  loaded: boolean;
  /** The CSS media its views are laid out for: print for a PDF, the screen for a PNG. */
  media: PrintMedia;
}

/** What a view is laid out for. */
export type PrintMedia = "print" | "screen";

/** A fresh tab (`page`, blank) whose every request is checked against the print view it currently shows. */
export async function openPrintTab(context: BrowserContext, page: Page, printUrl: URL): Promise<PrintTab> {
  const tab: PrintTab = {
    page,
    devtools: await context.newCDPSession(page),
    printUrl,
    uses: 0,
    loaded: false,
    media: "screen",
  };
  // Every request of the page is checked: an image card pointing at this server's API would start another export.
  await page.route("**/*", (route) =>
    isPrintRequestAllowed(route.request().url(), tab.printUrl) ? route.continue() : route.abort("blockedbyclient"),
  );
  return tab;
}

/**
 * Points the tab at its print view (`tab.printUrl`). A tab without the app loads the page; one that runs the app
 * already is told to show the next view by a change of address (the app's router follows it), so neither the page nor
 * the app's code is loaded and compiled again — most of a print's time. The view is keyed by its one-use token, so
 * nothing of the previous view survives in the new one.
 */
export async function openPrintView(tab: PrintTab): Promise<void> {
  const { page, printUrl } = tab;
  tab.uses++;
  if (tab.loaded) {
    await page.evaluate((address) => {
      const { document, history } = globalThis as unknown as PageGlobals;
      // Cleared first, so the wait for the view cannot see the previous view's flag.
      delete document.documentElement.dataset.printReady;
      history.replaceState(null, "", address);
    }, printUrl.pathname + printUrl.search);
    return;
  }
  const response = await page.goto(printUrl.toString(), { waitUntil: "load" });
  if (!response?.ok())
    throw new DomainError({
      kind: "upstream_failed",
      code: "export_failed",
      message: `the print view answered ${response?.status() ?? "nothing"}`,
    });
}

/**
 * Lays the tab's views out for `media` from now on: print for a PDF, so the print view measures its lanes for
 * pagination in the styles they are printed in and is already styled for paper when `page.pdf()` starts (in a run of
 * PDFs of the bench map, about a seventh less of Chromium's CPU per export; `page.pdf()` still lays the view out again
 * for the paper). A PNG is a picture of the screen's view. Kept tabs keep their media, so a run of one format switches
 * once.
 */
export async function layOutFor(tab: PrintTab, media: PrintMedia): Promise<void> {
  if (tab.media === media) return;
  // null is Chromium's own media again (the screen).
  await tab.page.emulateMedia({ media: media === "print" ? "print" : null });
  tab.media = media;
}

/** Waits until the tab's print view is laid out (it sets `data-print-ready`). */
export async function printViewReady(tab: PrintTab, timeoutMs: number): Promise<void> {
  await tab.page
    // A function, not a string: the page's CSP forbids eval. Typed by hand: the server is compiled without DOM types.
    .waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.printReady === "true",
      undefined,
      { timeout: timeoutMs },
    )
    .catch((err: unknown) => {
      throw new DomainError({
        kind: "timeout",
        code: "export_failed",
        message: `the print view was not ready within ${timeoutMs / 1000} s (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`,
      });
    });
}

/** Shows the tab's print view and waits until it is laid out. */
export async function showPrintView(tab: PrintTab, timeoutMs: number): Promise<void> {
  await openPrintView(tab);
  tab.loaded = true;
  await printViewReady(tab, timeoutMs);
}
