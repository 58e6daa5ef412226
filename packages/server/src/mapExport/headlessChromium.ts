/**
 * The features Playwright itself turns off when it starts Chromium (playwright-core's chromiumSwitches.ts, 1.65.1):
 * Chromium keeps only the last `--disable-features` it is given, so a list of our own must repeat them.
 * headlessChromium.integration.test.ts fails when a Playwright upgrade adds one this list lacks.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Browser UI a headless browser never shows: Chromium 156 builds its address bar's two popups as web pages, loaded in
 * a renderer of their own for every new window — each browser context is one — at about 1.4 s of CPU per window,
 * more than an export's own work and, on two cores, taken from the page being printed or measured.
 */
const UNSHOWN_BROWSER_UI = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/**
 * How OpenCJM starts headless Chromium — the export browser, and the tests and benchmarks that drive one — beside
 * Playwright's own defaults: no sandbox (the server may run as root in a container), no GPU, no background network
 * traffic or updates (the machines here reach nothing but their own services), no browser UI pages.
 */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSHOWN_BROWSER_UI].join(",")}`,
];
