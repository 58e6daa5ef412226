import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Env, Hono } from "hono";

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

/** The built files under dist/assets, listed once: only these names are ever read, so no path can escape. */
function listAssets(): Map<string, string> {
  const dir = `${webDist}assets`;
  const assets = new Map<string, string>();
  if (!existsSync(dir)) return assets;
  for (const name of readdirSync(dir)) {
    const type = TYPES[name.slice(name.lastIndexOf(".") + 1)];
    if (type) assets.set(name, type);
  }
  return assets;
}

/** Serves the built web app (packages/web/dist): hashed assets cached for a year, index.html for every app route. */
export function mountWebApp<E extends Env>(app: Hono<E>): void {
  let assets: Map<string, string> | undefined;
  app.get("/assets/:file", async (c) => {
    assets ??= listAssets();
    const name = c.req.param("file");
    const type = assets.get(name);
    if (!type) return c.notFound();
    return c.body(await readFile(`${webDist}assets/${name}`), 200, {
      "content-type": type,
      "cache-control": "public, max-age=31536000, immutable",
    });
  });
  app.get("*", async (c, next) => {
    if (!APP_ROUTES.test(c.req.path)) return next();
    const index = `${webDist}index.html`;
    if (!existsSync(index)) return c.text("The web app is not built yet: run `npm run build`.", 503);
    c.header("cache-control", "no-cache");
    return c.html(await readFile(index, "utf8"));
  });
}
