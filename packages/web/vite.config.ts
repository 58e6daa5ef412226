import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { defineConfig, type Plugin, type Rolldown } from "vite";

const COMPRESSIBLE = /\.(?:js|css|svg|json|map)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset, at the strongest settings: the server answers
 * with them as they are (serveWebApp.ts), so the work is done once here instead of on every request.
 */
function precompressAssets(): Plugin {
  let assetsDir = "";
  return {
    name: "opencjm-precompress-assets",
    apply: "build",
    configResolved(config) {
      assetsDir = resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    async writeBundle() {
      const names = (await readdir(assetsDir)).filter((name) => COMPRESSIBLE.test(name));
      const br = promisify(brotliCompress);
      const gz = promisify(gzip);
      await Promise.all(
        names.map(async (name) => {
          const plain = await readFile(join(assetsDir, name));
          const [brotli, gzipped] = await Promise.all([
            br(plain, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
              },
            }),
            gz(plain, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          // A copy no smaller than the file is not worth a second answer (tiny files).
          if (brotli.length < plain.length) await writeFile(join(assetsDir, `${name}.br`), brotli);
          if (gzipped.length < plain.length) await writeFile(join(assetsDir, `${name}.gz`), gzipped);
        }),
      );
    },
  };
}

const ENTRY = resolve(import.meta.dirname, "src/main.tsx");
/** The app itself, which the entry imports once it has started the page's first requests. */
const START = resolve(import.meta.dirname, "src/app/startApp.tsx");
/** The screens the map editor's route opens with (as the server preloads them, server/src/web/screenPreloads.ts). */
const MAP_ROUTE_SCREENS = ["src/app/AppShell.tsx", "src/features/mapEditor/MapEditorPage.tsx"].map((screen) =>
  resolve(import.meta.dirname, screen),
);
/** The pages a newcomer sees before signing in: they load none of the map route's chunks. */
const SIGNED_OUT_SCREENS = [
  "src/features/auth/SignInPage.tsx",
  "src/features/auth/SignUpPage.tsx",
  "src/features/members/AcceptInvitationPage.tsx",
].map((screen) => resolve(import.meta.dirname, screen));

/** Which of the build's chunks each module goes to, decided once per build from the module graph. */
interface ChunkPlan {
  /** What the entry imports statically: the little that starts the first requests (main.tsx). */
  boot: Set<string>;
  /** The rest of what every page loads: the entry's and the app's static imports (startApp.tsx). */
  app: Set<string>;
  /** What the map route imports statically that other screens import too. */
  screens: Set<string>;
  /** What only the map route imports statically. */
  mapEditor: Set<string>;
}

/**
 * Bundles the map route's critical path into a handful of files. Left to itself the bundler makes one chunk per set
 * of screens sharing some modules, and with some thirty lazy screens the editor's page needed over forty scripts,
 * which a browser fetches six at a time over HTTP/1.1. Here the modules every page loads form two chunks: what the entry
 * needs to start the first requests (`boot`) and the app itself (`app`, imported by the entry after them, so it
 * compiles while they travel; the server names it in every page so it downloads at once). The map route's modules that other screens share form another (`screens`), and those only the map route uses a third
 * (`mapEditor`); every other screen keeps its own chunks and stays lazy, and the screens ahead of signing in share
 * none of these but `app`. The price: a screen that shares a single module with the editor loads all of `screens`
 * (one file, cached for a year), and `app` holds whole modules the entry reaches through a package's index (core's
 * contracts, TanStack Query) where the bundler used to leave the parts only other screens use in their chunks:
 * measured, the map route went from 45 scripts to 8 for 8% more bytes (326 kB brotli), the sign-in page from 150 to
 * 196 kB.
 */
function mapRouteChunks(): Rolldown.CodeSplittingGroup[] {
  let plan: ChunkPlan | undefined;
  const planOf = (info: (id: string) => Rolldown.ModuleInfo | null): ChunkPlan => {
    const staticClosure = (roots: readonly string[], into = new Set<string>()) => {
      const pending = [...roots];
      while (pending.length > 0) {
        const id = pending.pop()!;
        if (into.has(id)) continue;
        into.add(id);
        pending.push(...(info(id)?.importedIds ?? []));
      }
      return into;
    };
    // Every lazily imported module, found by walking the whole graph from the entry.
    const lazyRoots = new Set<string>();
    const seen = new Set<string>();
    const pending = [ENTRY];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const module = info(id);
      for (const lazy of module?.dynamicallyImportedIds ?? []) lazyRoots.add(lazy);
      pending.push(...(module?.importedIds ?? []), ...(module?.dynamicallyImportedIds ?? []));
    }
    const boot = staticClosure([ENTRY]);
    const app = staticClosure([ENTRY, START]);
    // startApp.tsx keeps a chunk of its own, named in the build manifest, so the server can preload it and its imports.
    app.delete(START);
    const mapRoute = staticClosure(MAP_ROUTE_SCREENS);
    const elsewhere = new Set<string>();
    for (const root of lazyRoots)
      if (root !== START && !MAP_ROUTE_SCREENS.includes(root)) staticClosure([root], elsewhere);
    const signedOut = staticClosure(SIGNED_OUT_SCREENS);
    const screens = new Set<string>();
    const mapEditor = new Set<string>();
    for (const id of mapRoute) {
      // A lazily imported screen keeps a chunk of its own, which the build manifest names (the server preloads it).
      if (app.has(id) || signedOut.has(id) || lazyRoots.has(id)) continue;
      (elsewhere.has(id) ? screens : mapEditor).add(id);
    }
    return { boot, app, screens, mapEditor };
  };
  // Higher priority first: each group's modules leave the later groups, so a dependency stays where it was put.
  return (["boot", "app", "screens", "mapEditor"] as const).map((group, i) => ({
    debugName: group,
    name: (id, ctx) => {
      plan ??= planOf((module) => ctx.getModuleInfo(module));
      return plan[group].has(id) ? group : null;
    },
    priority: 40 - 10 * i,
  }));
}

// The server serves dist/ (index.html for every app route, hashed files under /assets/, each with its .br and .gz
// copies). The manifest tells the server which file holds each language's catalogue, so index.html can preload the
// reader's. In development, `npm run dev -w @opencjm/web` proxies the API and the collaboration socket to a server
// started with `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    manifest: true,
    rolldownOptions: { output: { codeSplitting: { groups: mapRouteChunks() } } },
  },
  oxc: { jsx: { runtime: "automatic" } },
  plugins: [precompressAssets()],
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/collab": { target: "ws://127.0.0.1:3000", ws: true },
    },
  },
});
