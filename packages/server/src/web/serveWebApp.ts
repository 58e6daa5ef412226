import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Env, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { acceptedEncoding, ENCODING_SUFFIX, type StoredEncoding } from "./acceptedEncoding.js";
import { readBuildManifest, type BuildManifest } from "./buildManifest.js";
import { catalogueChunks, LOCALE_COOKIE, pageLocale, withPreloadLinks } from "./cataloguePreload.js";
import { apiPreloads } from "./apiPreloads.js";
import { screenFiles } from "./screenPreloads.js";

// Same depth from src/ and dist/, so this works in tests (source) and in the compiled server.
const webDist = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  map: "application/json; charset=utf-8",
  json: "application/json; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
};

/** Paths the single-page app answers itself; everything else outside /api is a 404. */
const APP_ROUTES = /^\/(?:$|signin$|signup$|(?:w|share|embed|print|invite)\/)/;

interface Asset {
  type: string;
  /** The compressed copies the build wrote beside the file (vite.config.ts). */
  encodings: Set<StoredEncoding>;
}

/** The built files under dist/assets, listed once: only these names are ever read, so no path can escape. */
function listAssets(): Map<string, Asset> {
  const dir = `${webDist}assets`;
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  const names = new Set(readdirSync(dir));
  for (const name of names) {
    const type = TYPES[name.slice(name.lastIndexOf(".") + 1)];
    if (!type) continue;
    const encodings = new Set<StoredEncoding>();
    for (const [encoding, suffix] of Object.entries(ENCODING_SUFFIX) as Array<[StoredEncoding, string]>)
      if (names.has(name + suffix)) encodings.add(encoding);
    assets.set(name, { type, encodings });
  }
  return assets;
}

/**
 * Serves the built web app (packages/web/dist): hashed assets cached for a year, as brotli or gzip when the browser
 * takes it (precompressed at build), and index.html for every app route, preloading the reader's catalogue, the
 * code of the screen the route opens with, and what the page asks the API for first (on a map editor's page, the
 * map itself).
 */
export function mountWebApp<E extends Env>(app: Hono<E>): void {
  let assets: Map<string, Asset> | undefined;
  // Read once, like the file list: a new build comes with a restart.
  let manifest: BuildManifest | undefined;
  app.get("/assets/:file", async (c) => {
    assets ??= listAssets();
    const name = c.req.param("file");
    const asset = assets.get(name);
    if (!asset) return c.notFound();
    const encoding = acceptedEncoding(c.req.header("accept-encoding"), asset.encodings);
    const body = await readFile(`${webDist}assets/${name}${encoding ? ENCODING_SUFFIX[encoding] : ""}`);
    const headers: Record<string, string> = {
      "content-type": asset.type,
      "cache-control": "public, max-age=31536000, immutable",
    };
    // Caches between here and the browser must not hand a brotli body to a client that did not ask for it.
    if (asset.encodings.size > 0) headers.vary = "accept-encoding";
    if (encoding) headers["content-encoding"] = encoding;
    return c.body(body, 200, headers);
  });
  app.get("*", async (c, next) => {
    if (!APP_ROUTES.test(c.req.path)) return next();
    const index = `${webDist}index.html`;
    if (!existsSync(index)) return c.text("The web app is not built yet: run `npm run build`.", 503);
    const locale = pageLocale(getCookie(c, LOCALE_COOKIE), c.req.header("accept-language"));
    manifest ??= await readBuildManifest(webDist);
    const catalogue = catalogueChunks(manifest).get(locale);
    const screen = screenFiles(manifest, c.req.path);
    c.header("cache-control", "no-cache");
    c.header("vary", "cookie, accept-language");
    return c.html(
      withPreloadLinks(await readFile(index, "utf8"), {
        scripts: [...(catalogue ? [catalogue] : []), ...screen.scripts],
        styles: screen.styles,
        fetches: apiPreloads(c.req.path),
      }),
    );
  });
}
