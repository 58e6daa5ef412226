import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { HEADLESS_CHROMIUM_ARGS } from "@opencjm/server";

/** Debian's Chromium; `.ci/run` installs it. Playwright never downloads a browser of its own here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when the browser tests can run on this machine. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Launches headless Chromium as the export browser is started (no background network, no sandbox as root, no browser UI pages). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...HEADLESS_CHROMIUM_ARGS, "--disable-quic"],
  });
}
