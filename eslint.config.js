// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

/** Packages may only import along the arrows of PRODUCT.md §5: core ← analytics ← server, core ← web. */
const forbidden = (names) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: names.map((n) => ({
        group: [n, `${n}/*`],
        message: `this package may not import ${n} (PRODUCT.md §5)`,
      })),
    },
  ],
});

/** Server layers: nothing below the routes imports a route, plus any further patterns for the layer. */
const serverLayers = (patterns) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: ["**/routes/*", "**/routes/**", "./routes", "../routes"],
          message:
            "only routes and app.ts import routes: move what you need into commands/, store/ or http/ (README, Architecture)",
        },
        ...patterns,
      ],
    },
  ],
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
  {
    files: ["packages/core/src/**"],
    rules: forbidden([
      "@opencjm/analytics",
      "@opencjm/server",
      "@opencjm/web",
      "hono",
      "kysely",
      "better-sqlite3",
      "pg",
    ]),
  },
  { files: ["packages/analytics/src/**"], rules: forbidden(["@opencjm/server", "@opencjm/web"]) },
  // Inside the server, layers point one way: routes → commands → stores (README, Architecture). Only the app and the
  // routes themselves import a route; a lower layer that needs something of one moves it down. Commands, stores and
  // the domain error know nothing of HTTP: they throw DomainError, which http/errorHandling.ts presents.
  {
    files: ["packages/server/src/**"],
    ignores: ["packages/server/src/app.ts", "packages/server/src/routes/**"],
    rules: serverLayers([]),
  },
  {
    files: ["packages/server/src/commands/**", "packages/server/src/store/**", "packages/server/src/errors/**"],
    ignores: ["**/*.test.ts"],
    rules: serverLayers([
      {
        group: ["**/http/*", "hono", "hono/*"],
        message: "commands and stores throw DomainError (errors/DomainError.ts); only http/ and routes/ speak HTTP",
      },
    ]),
  },
  {
    files: ["packages/web/src/**"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...forbidden(["@opencjm/analytics", "@opencjm/server"]),
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
