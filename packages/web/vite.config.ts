import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

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
      assetsDir = join(config.root, config.build.outDir, config.build.assetsDir);
    },
    async closeBundle() {
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

// The server serves dist/ (index.html for every app route, hashed files under /assets/, each with its .br and .gz
// copies). The manifest tells the server which file holds each language's catalogue, so index.html can preload the
// reader's. In development, `npm run dev -w @opencjm/web` proxies the API and the collaboration socket to a server
// started with `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500, manifest: true },
  oxc: { jsx: { runtime: "automatic" } },
  plugins: [precompressAssets()],
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/collab": { target: "ws://127.0.0.1:3000", ws: true },
    },
  },
});
