// Installs dependencies when node_modules is missing or older than the lockfile, so `npm start` and `npm test` work on a fresh clone.
import { existsSync, statSync } from "node:fs";
import { execSync } from "node:child_process";

/** Runs `npm ci` when the installed tree is missing or stale. */
export function ensureInstalled() {
  const marker = "node_modules/.package-lock.json";
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync("package-lock.json").mtimeMs;
  if (!stale) return;
  console.log("Installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}

/** Compiles core, analytics and server to dist/ with tsc. */
export function build() {
  execSync("npm run build --silent", { stdio: "inherit" });
}
