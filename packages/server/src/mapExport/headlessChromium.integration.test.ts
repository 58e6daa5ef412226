import { readFileSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { HEADLESS_CHROMIUM_ARGS } from "./headlessChromium.js";
import { CHROMIUM_PATH } from "./MapPrintRenderer.js";

/** The pages a browser has open that are its own UI (not tabs), after opening one tab in a new context. */
async function browserUiPages(browser: Browser): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent("<p>An export</p>");
  const devtools = await browser.newBrowserCDPSession();
  const { targetInfos } = (await devtools.send("Target.getTargets", { filter: [{}] })) as {
    targetInfos: Array<{ type: string; url: string }>;
  };
  await context.close();
  return targetInfos.filter((target) => target.type === "browser_ui").map((target) => target.url);
}

/** The features a browser was started without: the last `--disable-features` of its command line (Linux's /proc). */
function disabledFeaturesOf(pid: number): string[] {
  const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  const last = args.filter((arg) => arg.startsWith("--disable-features=")).at(-1) ?? "--disable-features=";
  return last.slice("--disable-features=".length).split(",").filter(Boolean);
}

describe("the headless Chromium that prints exports", () => {
  it("opens no browser UI pages for a new window (the address bar's popups cost ~1.4 s of CPU per window)", async () => {
    const ours = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...HEADLESS_CHROMIUM_ARGS] });
    const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox"] });
    try {
      expect(await browserUiPages(ours)).toEqual([]);
      // What the flags are there for: without them, Chromium loads the popups' pages.
      expect((await browserUiPages(plain)).some((url) => url.startsWith("chrome://omnibox-popup"))).toBe(true);
    } finally {
      await Promise.all([ours.close(), plain.close()]);
    }
  });

  it("still turns off every feature Playwright turns off (Chromium keeps only the last --disable-features)", async () => {
    const ours = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: [...HEADLESS_CHROMIUM_ARGS] });
    const plain = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox"] });
    try {
      const playwrights = disabledFeaturesOf(plain.process().pid!);
      expect(playwrights.length).toBeGreaterThan(0);
      expect(disabledFeaturesOf(ours.process().pid!)).toEqual(expect.arrayContaining(playwrights));
    } finally {
      await Promise.all([ours.close(), plain.close()]);
    }
  });
});
