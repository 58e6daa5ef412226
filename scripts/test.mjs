// `npm test`: install what is missing, build (CLI and crash tests run the compiled server), run every test,
// and say plainly which tests could not run because a system part is absent. Under CI=true that is a failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { build, ensureInstalled } from "./ensureInstalled.mjs";

ensureInstalled();
build();

const missing = [];
if (!process.env.TEST_DATABASE_URL) missing.push("PostgreSQL storage tests (set TEST_DATABASE_URL=postgres://… to run them)");

const vitestArgs = ["vitest", "run", ...process.argv.slice(2)];
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  missing.push(`browser tests in e2e/ (no Chromium at ${chromium}; install Debian's chromium package or set CHROMIUM_PATH)`);
  vitestArgs.push("--exclude", "e2e/**");
}

const result = spawnSync("npx", vitestArgs, { stdio: "inherit", env: { ...process.env, TZ: "UTC" } });

if (missing.length > 0) {
  console.log("\nThese tests did not run because a system part is absent:");
  for (const m of missing) console.log(`  - ${m}`);
  if (process.env.CI === "true") {
    console.log("CI=true: missing system parts count as a failure.");
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
