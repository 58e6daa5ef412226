import { existsSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import { DomainError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { HEADLESS_CHROMIUM_ARGS } from "./headlessChromium.js";
import type { Orientation, Paper } from "./printOptions.js";
import { pngScale } from "./pngScale.js";
import {
  layOutFor,
  openPrintTab,
  openPrintView,
  printViewReady,
  showPrintView,
  type PageGlobals,
  type PrintTab,
} from "./printTab.js";

/** Debian's Chromium, or CHROMIUM_PATH. Playwright never downloads a browser of its own here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** A browser nobody printed with for this long is closed; the next export starts another. */
const IDLE_MS = 5 * 60_000;
const READY_TIMEOUT_MS = 30_000;

/** Tabs kept open between exports, and how many views one tab shows before it is closed. */
const IDLE_TABS = 2;
const USES_PER_TAB = 50;
/** A warm-up gives up sooner than an export: an export asked for meanwhile waits for it. */
const WARM_UP_TIMEOUT_MS = 10_000;

/** What to print and how. */
export interface RenderRequest {
  /** The print view's full address (it sets `data-print-ready` once laid out). */
  url: string;
  format: "pdf" | "png";
  paper: Paper;
  orientation: Orientation;
  /** Pixel density of a PNG (1 to 3); by default 2, less for a map too large for that (pngScale.ts). */
  scale?: number;
}

/**
 * Prints the web app's print view with headless Chromium: one browser per server, started on first use and reused,
 * its tabs kept between exports (see `print`). The print view takes everything from its URL (one-use token, language,
 * paper) and no cookies are ever set, so exports cannot see each other. The page may only reach its own print view,
 * the app's files and its share link (printRequestPolicy.ts).
 */
export class MapPrintRenderer {
  private browser: Promise<Browser> | undefined;
  private browserContext: Promise<BrowserContext> | undefined;
  private idle: NodeJS.Timeout | undefined;
  private active = 0;
  private idleTabs: PrintTab[] = [];
  /** A warm-up in progress (never rejects): an export waits for its tab rather than loading the app a second time. */
  private warming: Promise<void> | undefined;
  /** Tells the warm-up in progress that an export was asked for. */
  private exportAsked: (() => void) | undefined;
  /** Counts the browsers closed: a tab opened in an earlier one is never kept. */
  private generation = 0;
  /** Browser tabs opened since the renderer started (the rest of the exports reused a kept tab). */
  tabsOpened = 0;

  private launch(): Promise<Browser> {
    // The binary's path is for the administrator's log, not for whoever asked for the export.
    if (!existsSync(CHROMIUM_PATH)) {
      console.error(
        `PDF and PNG export need Chromium at ${CHROMIUM_PATH} (install Debian's chromium package or set CHROMIUM_PATH)`,
      );
      throw new DomainError({
        kind: "unavailable",
        code: "export_unavailable",
        message: "PDF and PNG export are not available: the server has no Chromium installed; ask its administrator",
      });
    }
    // Loaded on first export: Playwright costs a noticeable share of every CLI command's and the server's start-up.
    this.browser ??= import("playwright-core")
      .then(({ chromium }) =>
        chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...HEADLESS_CHROMIUM_ARGS] }),
      )
      .catch((err: unknown) => {
        this.browser = undefined;
        throw new DomainError({
          kind: "unavailable",
          code: "export_unavailable",
          message: `Chromium did not start: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
        });
      });
    return this.browser;
  }

  /** One context for every export: a PNG's density is the picture's, not the page's, so PDFs and PNGs share tabs. */
  private context(): Promise<BrowserContext> {
    if (!this.browserContext) {
      const context = this.launch().then((browser) => browser.newContext({ viewport: { width: 1600, height: 1000 } }));
      context.catch(() => (this.browserContext = undefined));
      this.browserContext = context;
    }
    return this.browserContext;
  }

  /** A fresh tab for a print view. */
  private async openTab(printUrl: URL): Promise<PrintTab> {
    const context = await this.context();
    const page = await context.newPage();
    this.tabsOpened++;
    return openPrintTab(context, page, printUrl);
  }

  /**
   * Gets ready for an export before anyone asks for it: starts the browser and shows `printUrl` (a print view of the map
   * the export dialog is open on, through a one-use link) in a kept tab, so the app's code, the view's layout, the
   * fonts of the map's language and its text are all warm when the export comes — a newcomer's first export otherwise
   * pays for them, about three times an export's own time. One warm-up at a time, none while an export prints; an
   * export asked for meanwhile waits for it, or takes its tab before the view is loaded. A failure is left for the
   * export itself to meet and report. Resolves once the tab is kept or given up (never rejects).
   */
  warm(printUrl: URL, format: RenderRequest["format"]): Promise<void> {
    if (this.warming || this.active > 0) return this.warming ?? Promise.resolve();
    clearTimeout(this.idle);
    const generation = this.generation;
    const exportAsked = new Promise<true>((resolve) => (this.exportAsked = () => resolve(true)));
    this.warming = (async () => {
      const tab = this.takeIdleTab(printUrl) ?? (await this.openTab(printUrl));
      // An export asked for before this page has loaded loads its own view in this tab instead, as a new page (so
      // nothing of this one's scripts runs on), rather than wait for this view to be drawn and then draw its own.
      if (!tab.loaded && this.active > 0 && this.keepIdle(tab, generation)) return;
      try {
        await layOutFor(tab, mediaOf(format));
        const opening = openPrintView(tab);
        // Also handles a failure to load, met again just below.
        const loaded = opening.then(
          () => false,
          () => false,
        );
        if (!tab.loaded && (await Promise.race([loaded, exportAsked])) && this.keepIdle(tab, generation)) return;
        await opening;
        tab.loaded = true;
        await printViewReady(tab, WARM_UP_TIMEOUT_MS);
        if (this.keepIdle(tab, generation)) return;
      } catch {
        // Kept for nobody: closed below.
      }
      await tab.page.close();
    })()
      .catch(() => undefined)
      .finally(() => {
        this.warming = undefined;
        this.exportAsked = undefined;
        if (this.active === 0) this.closeWhenIdle();
      });
    return this.warming;
  }

  /** Whether a warm-up or an export is under way (a warm-up asked for now would do nothing). */
  get isBusy(): boolean {
    return this.warming !== undefined || this.active > 0;
  }

  /** Settles once the warm-up under way, if any, has kept its tab or given up. */
  settled(): Promise<void> {
    return this.warming ?? Promise.resolve();
  }

  /** What the kept tabs show, each as its document's title and language (empty for a tab that shows nothing yet). */
  keptViews(): Promise<Array<{ title: string; lang: string }>> {
    return Promise.all(
      this.idleTabs.map(async ({ page }) => ({
        title: await page.title(),
        lang: await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang ?? ""),
      })),
    );
  }

  /** Renders one export and returns its bytes. */
  async render(request: RenderRequest): Promise<Uint8Array> {
    clearTimeout(this.idle);
    this.active++;
    this.exportAsked?.();
    const printUrl = new URL(request.url);
    try {
      await this.warming;
      const kept = this.takeIdleTab(printUrl);
      if (kept) {
        // A kept tab that fails is closed and the export tried once more in a fresh one: whatever went wrong in the
        // reused page (its app stuck, its renderer gone) must not cost the user the export.
        const bytes = await this.print(kept, request).catch(() => undefined);
        if (bytes) return bytes;
      }
      return await this.print(await this.openTab(printUrl), request);
    } finally {
      this.active--;
      if (this.active === 0) this.closeWhenIdle();
    }
  }

  /** Closes the browser once nobody has printed with it for a while. */
  private closeWhenIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    // The idle timer never keeps a finished process alive.
    this.idle.unref();
  }

  /** A tab kept from an earlier export of the same server, pointed at the next print view. */
  private takeIdleTab(printUrl: URL): PrintTab | undefined {
    const index = this.idleTabs.findIndex((tab) => tab.printUrl.origin === printUrl.origin);
    if (index < 0) return undefined;
    const [tab] = this.idleTabs.splice(index, 1);
    tab!.printUrl = printUrl;
    return tab;
  }

  /** Prints one view in a tab (see `showPrintView`), and keeps the tab for the next export if it printed well. */
  private async print(tab: PrintTab, request: RenderRequest): Promise<Uint8Array> {
    let kept = false;
    try {
      await layOutFor(tab, mediaOf(request.format));
      await showPrintView(tab, READY_TIMEOUT_MS);
      const bytes =
        request.format === "png"
          ? await this.picture(tab, request.scale)
          : // The print view sets its own @page size and margins (paper, orientation, or the map's size for "fit").
            await tab.page.pdf({
              format: request.paper === "fit" ? "A4" : request.paper,
              landscape: request.orientation === "landscape",
              printBackground: true,
              preferCSSPageSize: true,
            });
      kept = this.keepIdle(tab, this.generation);
      return new Uint8Array(bytes);
    } finally {
      if (!kept) await tab.page.close().catch(() => undefined);
    }
  }

  /**
   * The PNG: the print view itself, cut to its own box (the whole map, nothing of the empty window around it), drawn
   * afresh at the picture's density — text and lines stay sharp, not an enlarged screen image.
   */
  private async picture(tab: PrintTab, asked: number | undefined): Promise<Buffer> {
    const box = await tab.page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      const view = page.document.querySelector('[data-testid="print-view"]')!.getBoundingClientRect();
      return { x: view.x + page.scrollX, y: view.y + page.scrollY, width: view.width, height: view.height };
    });
    // The whole pixels that enclose the view: a fractional edge would otherwise cut its last row of pixels.
    const [left, top] = [Math.floor(box.x), Math.floor(box.y)];
    box.width = Math.ceil(box.x + box.width) - left;
    box.height = Math.ceil(box.y + box.height) - top;
    [box.x, box.y] = [left, top];
    const { data } = await tab.devtools.send("Page.captureScreenshot", {
      format: "png",
      clip: { ...box, scale: pngScale(box.width, box.height, asked) },
      captureBeyondViewport: true,
      // Chromium's fast PNG compression: a map's picture is tens of millions of pixels, and the strongest compression
      // took a fifth of the export's CPU for a file about a third smaller.
      optimizeForSpeed: true,
    });
    return Buffer.from(data, "base64");
  }

  /** Keeps a tab that printed well for the next export, up to a few tabs and a bounded number of uses each. */
  private keepIdle(tab: PrintTab, generation: number): boolean {
    // A tab is retired after a while, so what the app accumulates in a long-lived page (caches, memory) stays bounded;
    // one of a browser closed since it opened is dead.
    if (tab.uses >= USES_PER_TAB || this.idleTabs.length >= IDLE_TABS || generation !== this.generation) return false;
    this.idleTabs.push(tab);
    return true;
  }

  /** Closes the browser (at shutdown, or when idle). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    this.generation++;
    const browser = this.browser;
    this.browser = undefined;
    this.browserContext = undefined;
    this.idleTabs = [];
    await (await browser?.catch(() => undefined))?.close();
  }
}

/** The CSS media a format's view is laid out for. */
function mediaOf(format: RenderRequest["format"]): PrintTab["media"] {
  return format === "pdf" ? "print" : "screen";
}

const renderers = new WeakMap<Services, MapPrintRenderer>();

/** The print renderer of a server (one per set of services, so one browser per server). */
export function printRendererOf(services: Services): MapPrintRenderer {
  let renderer = renderers.get(services);
  if (!renderer) renderers.set(services, (renderer = new MapPrintRenderer()));
  return renderer;
}

/** Closes a server's print browser, if it started one. */
export async function closePrintRenderer(services: Services): Promise<void> {
  await renderers.get(services)?.close();
  renderers.delete(services);
}
