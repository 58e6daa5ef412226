// Installs dependencies when node_modules is missing or older than the lockfile, so `npm start` and `npm test` work on a fresh clone.
import { existsSync, statSync } from "node:fs";
import { execSync } from "node:child_process";
import { ensureBuildTools } from "./systemParts.mjs";

// The SQLite driver is compiled during `npm ci`; a first install that failed for want of a compiler leaves the tree
// looking installed but without it.
const SQLITE_DRIVER = "node_modules/better-sqlite3/build/Release/better_sqlite3.node";

/** Runs `npm ci` (after making sure the SQLite driver can be compiled) when the installed tree is missing or stale. */
export function ensureInstalled() {
  const marker = "node_modules/.package-lock.json";
  const stale =
    !existsSync(marker) ||
    statSync(marker).mtimeMs < statSync("package-lock.json").mtimeMs ||
    !existsSync(SQLITE_DRIVER);
  if (!stale) return;
  ensureBuildTools();
  console.log("Installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}

/** Compiles core, analytics and server to dist/ with tsc. */
export function build() {
  execSync("npm run build --silent", { stdio: "inherit" });
}
