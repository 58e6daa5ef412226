export { startServer, type RunningServer } from "./startServer.js";
export { loadConfig, type AppConfig } from "./config.js";
export { createApp } from "./app.js";
export { HEADLESS_CHROMIUM_ARGS } from "./mapExport/headlessChromium.js";
