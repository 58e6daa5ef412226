import { defineConfig } from "vite";

// The server serves dist/ (index.html for every app route, hashed files under /assets/). In development, `npm run dev
// -w @opencjm/web` proxies the API and the collaboration socket to a server started with `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  oxc: { jsx: { runtime: "automatic" } },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/collab": { target: "ws://127.0.0.1:3000", ws: true },
    },
  },
});
