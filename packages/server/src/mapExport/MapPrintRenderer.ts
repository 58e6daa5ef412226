import { existsSync } from "node:fs";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { DomainError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import type { Orientation, Paper } from "./printOptions.js";
import { pngScale } from "./pngScale.js";
import { isPrintRequestAllowed } from "./printRequestPolicy.js";

/** Debian's Chromium, or CHROMIUM_PATH. Playwright never downloads a browser of its own here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
/** A browser nobody printed with for this long is closed; the next export starts another. */
const IDLE_MS = 5 * 60_000;
const READY_TIMEOUT_MS = 30_000;

/** Tabs kept open between exports, and how many exports one tab prints before it is closed. */
const IDLE_TABS = 2;
const USES_PER_TAB = 50;
/**
 * The print view a warmed tab opens: a token no share link can have (theirs start `cjs_`, shareLinkCreator.ts), so the
 * app loads, compiles and shows its "no such link" view, and the export that follows only changes the tab's address.
 */
const WARM_UP_PATH = "/print/warm-up";

/** The little of the page's DOM the renderer reads and drives. */
type PageGlobals = {
  document: {
    documentElement: { dataset: Record<string, string | undefined> };
    querySelector(selector: string): { getBoundingClientRect(): Box } | null;
  };
  scrollX: number;
  scrollY: number;
  history: { replaceState(state: null, unused: string, url: string): void };
};

type Box = { x: number; y: number; width: number; height: number };

/** A browser tab that prints, kept between exports; its requests are checked against the view it now shows. */
interface PrintTab {
  page: Page;
  /** The DevTools session that takes its pictures. */
  devtools: CDPSession;
  printUrl: URL;
  uses: number;
}

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
      .then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS }))
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

  /**
   * Gets ready for an export from `origin` (the server's own address, as in `RenderRequest.url`) before anyone asks
   * for it: starts the browser and loads the app's print view in a kept tab. A newcomer's first export otherwise pays
   * for both — about three times an export's own time. Does nothing when a tab is kept or an export runs; a failure
   * is left for the export itself to meet and report.
   */
  warm(origin: string): Promise<void> {
    const url = new URL(WARM_UP_PATH, origin);
    if (this.warming || this.active > 0 || this.idleTabs.some((tab) => tab.printUrl.origin === url.origin))
      return this.warming ?? Promise.resolve();
    clearTimeout(this.idle);
    this.warming = (async () => {
      const tab = await this.openTab(url);
      try {
        await tab.page.goto(url.toString(), { waitUntil: "load" });
        if (this.keepIdle(tab)) return;
      } catch {
        // Kept for nobody: closed below.
      }
      await tab.page.close();
    })()
      .catch(() => undefined)
      .finally(() => {
        this.warming = undefined;
        if (this.active === 0) this.closeWhenIdle();
      });
    return this.warming;
  }

  /** Renders one export and returns its bytes. */
  async render(request: RenderRequest): Promise<Uint8Array> {
    clearTimeout(this.idle);
    this.active++;
    const printUrl = new URL(request.url);
    try {
      await this.warming;
      const warm = this.takeIdleTab(printUrl);
      if (warm) {
        // A kept tab that fails is closed and the export tried once more in a fresh one: whatever went wrong in the
        // reused page (its app stuck, its renderer gone) must not cost the user the export.
        const bytes = await this.print(warm, request, false).catch(() => undefined);
        if (bytes) return bytes;
      }
      return await this.print(await this.openTab(printUrl), request, true);
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

  /** A fresh tab whose every request is checked against the print view it currently shows. */
  private async openTab(printUrl: URL): Promise<PrintTab> {
    const context = await this.context();
    const page = await context.newPage();
    this.tabsOpened++;
    const tab: PrintTab = { page, devtools: await context.newCDPSession(page), printUrl, uses: 0 };
    // Every request of the page is checked: an image card pointing at this server's API would start another export.
    await page.route("**/*", (route) =>
      isPrintRequestAllowed(route.request().url(), tab.printUrl) ? route.continue() : route.abort("blockedbyclient"),
    );
    return tab;
  }

  /** A tab kept from an earlier export of the same server, pointed at the next print view. */
  private takeIdleTab(printUrl: URL): PrintTab | undefined {
    const index = this.idleTabs.findIndex((tab) => tab.printUrl.origin === printUrl.origin);
    if (index < 0) return undefined;
    const [tab] = this.idleTabs.splice(index, 1);
    tab!.printUrl = printUrl;
    return tab;
  }

  /**
   * Prints one view in a tab. A fresh tab loads the print view; a kept one already runs the app, which is told to show
   * the next view by a change of address (the app's router follows it), so neither the page nor the app's code is
   * loaded and compiled again — most of a print's time. The view is keyed by its one-use token, so nothing of the
   * previous export's view survives in the new one.
   */
  private async print(tab: PrintTab, request: RenderRequest, fresh: boolean): Promise<Uint8Array> {
    const { page } = tab;
    let kept = false;
    try {
      if (fresh) {
        const response = await page.goto(request.url, { waitUntil: "load" });
        if (!response?.ok())
          throw new DomainError({
            kind: "upstream_failed",
            code: "export_failed",
            message: `the print view answered ${response?.status() ?? "nothing"}`,
          });
      } else {
        await page.evaluate((address) => {
          const { document, history } = globalThis as unknown as PageGlobals;
          // Cleared first, so the wait below cannot see the previous view's flag.
          delete document.documentElement.dataset.printReady;
          history.replaceState(null, "", address);
        }, tab.printUrl.pathname + tab.printUrl.search);
      }
      tab.uses++;
      await page
        // A function, not a string: the page's CSP forbids eval. Typed by hand: the server is compiled without DOM types.
        .waitForFunction(
          () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.printReady === "true",
          undefined,
          { timeout: READY_TIMEOUT_MS },
        )
        .catch((err: unknown) => {
          throw new DomainError({
            kind: "timeout",
            code: "export_failed",
            message: `the print view was not ready within ${READY_TIMEOUT_MS / 1000} s (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`,
          });
        });
      const bytes =
        request.format === "png"
          ? await this.picture(tab, request.scale)
          : // The print view sets its own @page size and margins (paper, orientation, or the map's size for "fit").
            await page.pdf({
              format: request.paper === "fit" ? "A4" : request.paper,
              landscape: request.orientation === "landscape",
              printBackground: true,
              preferCSSPageSize: true,
            });
      kept = this.keepIdle(tab);
      return new Uint8Array(bytes);
    } finally {
      if (!kept) await page.close().catch(() => undefined);
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
    });
    return Buffer.from(data, "base64");
  }

  /** Keeps a tab that printed well for the next export, up to a few tabs and a bounded number of uses each. */
  private keepIdle(tab: PrintTab): boolean {
    // A tab is retired after a while, so what the app accumulates in a long-lived page (caches, memory) stays bounded.
    if (tab.uses >= USES_PER_TAB || this.idleTabs.length >= IDLE_TABS) return false;
    this.idleTabs.push(tab);
    return true;
  }

  /** Closes the browser (at shutdown, or when idle). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const browser = this.browser;
    this.browser = undefined;
    this.browserContext = undefined;
    this.idleTabs = [];
    await (await browser?.catch(() => undefined))?.close();
  }
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
