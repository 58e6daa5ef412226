import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  // Component tests (.test.tsx, with `// @vitest-environment jsdom` at the top) use React's automatic JSX runtime.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: {
    // The test kits first: an alias also matches what starts with it, so "@opencjm/server" would swallow them.
    alias: {
      "@opencjm/analytics/testing": fileURLToPath(
        new URL("./packages/analytics/src/testing/index.ts", import.meta.url),
      ),
      "@opencjm/server/testing": fileURLToPath(new URL("./packages/server/src/testing/index.ts", import.meta.url)),
      "@opencjm/core": src("core"),
      "@opencjm/analytics": src("analytics"),
      "@opencjm/server": src("server"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/src/**/*.test.tsx", "e2e/**/*.spec.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real servers and databases; two cores leave little room for more.
    maxWorkers: 2,
    env: { TZ: "UTC" },
  },
});
