import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Env, Hono } from "hono";

// Same depth from src/ and dist/, so this works in tests (source) and in the compiled server.
const webRoot = fileURLToPath(new URL("../../../web/", import.meta.url));
const LOCALE_FILE = /^(en|zh-Hant|zh-Hans|ru|fa)\.json$/;

const assets: Record<string, { file: string; type: string }> = {
  "main.js": { file: "dist/main.js", type: "text/javascript; charset=utf-8" },
  "i18n/catalogue.js": { file: "dist/i18n/catalogue.js", type: "text/javascript; charset=utf-8" },
  "styles.css": { file: "public/styles.css", type: "text/css; charset=utf-8" },
};

/** Serves the web app: its page, its compiled scripts and its language catalogues. Only known files, no path joins. */
export function mountWebApp<E extends Env>(app: Hono<E>): void {
  app.get("/assets/:file{.+}", async (c) => {
    const asset = assets[c.req.param("file")];
    if (!asset) return c.notFound();
    return c.body(await readFile(webRoot + asset.file), 200, { "content-type": asset.type, "cache-control": "no-cache" });
  });
  app.get("/i18n/:file", async (c) => {
    const file = c.req.param("file");
    if (!LOCALE_FILE.test(file)) return c.notFound();
    return c.body(await readFile(`${webRoot}src/i18n/${file}`), 200, { "content-type": "application/json; charset=utf-8" });
  });
  app.get("/", async (c) => c.html(await readFile(`${webRoot}public/index.html`, "utf8")));
}
