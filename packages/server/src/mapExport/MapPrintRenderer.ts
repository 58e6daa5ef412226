import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DomainError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import type { Orientation, Paper } from "./printOptions.js";
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

/** Tabs kept open between exports, per pixel density, and how many exports one tab prints before it is closed. */
const IDLE_TABS_PER_SCALE = 2;
const USES_PER_TAB = 50;

/** The little of the page's DOM the renderer reads and drives. */
type PageGlobals = {
  document: { documentElement: { dataset: Record<string, string | undefined> } };
  history: { replaceState(state: null, unused: string, url: string): void };
};

/** A browser tab that prints, kept between exports; its requests are checked against the view it now shows. */
interface PrintTab {
  page: Page;
  scale: number;
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
  /** Pixel density of a PNG (1 to 3; 2 by default, so text stays sharp when the image is zoomed or printed). */
  scale?: number;
}

/**
 * Prints the web app's print view with headless Chromium: one browser per server, started on first use and reused,
 * a fresh page per export. Pages share a context per pixel density, so the app's hashed scripts come from the
 * browser's cache after the first export; the print view takes everything else from its URL (token, language,
 * paper), and no cookies are ever set, so exports cannot see each other. The page may only reach its own print view,
 * the app's files and its share link (printRequestPolicy.ts).
 */
export class MapPrintRenderer {
  private browser: Promise<Browser> | undefined;
  private readonly contexts = new Map<number, Promise<BrowserContext>>();
  private idle: NodeJS.Timeout | undefined;
  private active = 0;
  private readonly idleTabs = new Map<number, PrintTab[]>();
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

  private context(scale: number): Promise<BrowserContext> {
    let context = this.contexts.get(scale);
    if (!context) {
      context = this.launch().then((browser) =>
        browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: scale }),
      );
      context.catch(() => this.contexts.delete(scale));
      this.contexts.set(scale, context);
    }
    return context;
  }

  /** Renders one export and returns its bytes. */
  async render(request: RenderRequest): Promise<Uint8Array> {
    clearTimeout(this.idle);
    this.active++;
    const scale = request.format === "png" ? (request.scale ?? 2) : 1;
    const printUrl = new URL(request.url);
    try {
      const warm = this.takeIdleTab(scale, printUrl);
      if (warm) {
        // A kept tab that fails is closed and the export tried once more in a fresh one: whatever went wrong in the
        // reused page (its app stuck, its renderer gone) must not cost the user the export.
        const bytes = await this.print(warm, request, false).catch(() => undefined);
        if (bytes) return bytes;
      }
      return await this.print(await this.openTab(scale, printUrl), request, true);
    } finally {
      this.active--;
      if (this.active === 0) {
        this.idle = setTimeout(() => void this.close(), IDLE_MS);
        // The idle timer never keeps a finished process alive.
        this.idle.unref();
      }
    }
  }

  /** A fresh tab whose every request is checked against the print view it currently shows. */
  private async openTab(scale: number, printUrl: URL): Promise<PrintTab> {
    const page = await (await this.context(scale)).newPage();
    this.tabsOpened++;
    const tab: PrintTab = { page, scale, printUrl, uses: 0 };
    // Every request of the page is checked: an image card pointing at this server's API would start another export.
    await page.route("**/*", (route) =>
      isPrintRequestAllowed(route.request().url(), tab.printUrl) ? route.continue() : route.abort("blockedbyclient"),
    );
    return tab;
  }

  /** A tab kept from an earlier export of the same server and pixel density, pointed at the next print view. */
  private takeIdleTab(scale: number, printUrl: URL): PrintTab | undefined {
    const idle = this.idleTabs.get(scale) ?? [];
    const index = idle.findIndex((tab) => tab.printUrl.origin === printUrl.origin);
    if (index < 0) return undefined;
    const [tab] = idle.splice(index, 1);
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
      // The PNG is the print view itself, cut to its own box: the whole map, nothing of the empty window around it.
      const bytes =
        request.format === "png"
          ? await page.locator('[data-testid="print-view"]').screenshot({ type: "png" })
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

  /** Keeps a tab that printed well for the next export, up to a few per density and a bounded number of uses. */
  private keepIdle(tab: PrintTab): boolean {
    const idle = this.idleTabs.get(tab.scale) ?? [];
    // A tab is retired after a while, so what the app accumulates in a long-lived page (caches, memory) stays bounded.
    if (tab.uses >= USES_PER_TAB || idle.length >= IDLE_TABS_PER_SCALE) return false;
    idle.push(tab);
    this.idleTabs.set(tab.scale, idle);
    return true;
  }

  /** Closes the browser (at shutdown, or when idle). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const browser = this.browser;
    this.browser = undefined;
    this.contexts.clear();
    this.idleTabs.clear();
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
