// `npm test`: check the Node.js version, install what is missing (npm packages with the SQLite driver's toolchain;
// Debian's Chromium, fonts, poppler, PostgreSQL and Redis when run as root on Debian), pass the gates (lint with the
// package boundaries, type check of every package and the web app, dead code), build (CLI and crash tests run the
// compiled server), run every test, and say plainly which tests could not run because a system part is absent. Under
// CI=true that is a failure.
import { spawnSync } from "node:child_process";
import { checkNodeVersion } from "./checkNodeVersion.mjs";
import { build, ensureInstalled } from "./ensureInstalled.mjs";
import { runGates } from "./runGates.mjs";
import {
  ensureBrowserParts,
  ensureClickHouseServer,
  ensureOfficeSuite,
  ensurePostgres,
  ensureRedisServer,
} from "./systemParts.mjs";

checkNodeVersion();
ensureInstalled();
const failedGates = runGates([
  { name: "lint, package boundaries included", command: ["eslint", "."] },
  { name: "type check: core, analytics, server, bench, e2e, scripts", command: ["tsc", "-p", "tsconfig.json"] },
  { name: "type check: web app", command: ["tsc", "-p", "packages/web/tsconfig.json"] },
  { name: "format", command: ["prettier", "--check", "."] },
  { name: "dead code", command: ["knip", "--no-progress"] },
]);
if (failedGates.length > 0) {
  console.error(`npm test stopped before the tests; failed: ${failedGates.join("; ")}`);
  process.exit(1);
}
build();

const missing = [];
const vitestArgs = ["vitest", "run", ...process.argv.slice(2)];

const databaseUrl = ensurePostgres();
// Several instances need PostgreSQL: their tests run only where it does.
const multiInstanceTests = [
  "packages/server/src/store/compactionAcrossInstances.integration.test.ts",
  "packages/server/src/cluster/liveMapsAcrossInstances.integration.test.ts",
];
if (!databaseUrl) {
  missing.push("PostgreSQL storage and multi-instance tests (set TEST_DATABASE_URL=postgres://… to run them)");
  for (const file of multiInstanceTests) vitestArgs.push("--exclude", file);
}

if (databaseUrl && !ensureRedisServer()) {
  missing.push(
    "multi-instance tests in packages/server/src/cluster/ (install Debian's redis-server or set REDIS_SERVER)",
  );
  vitestArgs.push("--exclude", "packages/server/src/cluster/liveMapsAcrossInstances.integration.test.ts");
}

if (!ensureClickHouseServer()) {
  missing.push(
    "ClickHouse engine tests in packages/analytics/src/engines/clickhouse/ (install Debian's clickhouse-server or set CLICKHOUSE_SERVER)",
  );
  vitestArgs.push("--exclude", "packages/analytics/src/engines/clickhouse/**");
}

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = ensureBrowserParts(chromiumPath);
if (!browser.chromium) {
  missing.push(
    `browser tests in e2e/ (no Chromium at ${chromiumPath}; install Debian's chromium package or set CHROMIUM_PATH)`,
  );
  vitestArgs.push("--exclude", "e2e/**");
} else if (!browser.poppler) {
  missing.push(
    "PDF export checks in e2e/exportPdf.spec.ts and e2e/visualRegression.spec.ts (no pdftoppm/pdftotext; install Debian's poppler-utils)",
  );
  vitestArgs.push("--exclude", "e2e/exportPdf.spec.ts", "--exclude", "e2e/visualRegression.spec.ts");
}

// The PowerPoint deck is looked at as LibreOffice draws it; its test fails under CI=true without it.
if (!ensureOfficeSuite()) {
  missing.push(
    "PowerPoint rendering checks in packages/server/src/mapExport/pptxRendering.integration.test.ts and e2e/visualRegression.spec.ts (install Debian's libreoffice-impress-nogui)",
  );
  vitestArgs.push(
    "--exclude",
    "packages/server/src/mapExport/pptxRendering.integration.test.ts",
    "--exclude",
    "e2e/visualRegression.spec.ts",
  );
}

const env = { ...process.env, TZ: "UTC", ...(databaseUrl ? { TEST_DATABASE_URL: databaseUrl } : {}) };
const result = spawnSync("npx", vitestArgs, { stdio: "inherit", env });

if (missing.length > 0) {
  console.log("\nThese tests did not run because a system part is absent:");
  for (const m of missing) console.log(`  - ${m}`);
  if (process.env.CI === "true") {
    console.log("CI=true: missing system parts count as a failure.");
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
