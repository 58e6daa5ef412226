// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

/** Packages may only import along the arrows of PRODUCT.md §5: core ← analytics ← server, core ← web. */
const forbidden = (names) => ({
  "no-restricted-imports": ["error", { patterns: names.map((n) => ({ group: [n, `${n}/*`], message: `this package may not import ${n} (PRODUCT.md §5)` })) }],
});

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "data/**", "coverage/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "smart"],
    },
  },
  { files: ["packages/core/src/**"], rules: forbidden(["@opencjm/analytics", "@opencjm/server", "@opencjm/web", "hono", "kysely", "better-sqlite3", "pg"]) },
  { files: ["packages/analytics/src/**"], rules: forbidden(["@opencjm/server", "@opencjm/web"]) },
  // Inside the server, layers point one way: routes → commands → stores (README, Architecture). Only the app, the
  // route registry and route tests may import a route; a lower layer that needs something of one moves it down.
  {
    files: ["packages/server/src/**"],
    ignores: ["packages/server/src/app.ts", "packages/server/src/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/routes/*", "**/routes/**", "./routes", "../routes"], message: "only routes and app.ts import routes: move what you need into commands/, store/ or http/ (README, Architecture)" }] },
      ],
    },
  },
  {
    files: ["packages/web/src/**"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...forbidden(["@opencjm/analytics", "@opencjm/server"]), "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
);
