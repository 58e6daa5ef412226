// The system parts installing and some tests need (a C++ toolchain and Python for the SQLite driver's source build;
// Chromium with CJK and Persian fonts, poppler's PDF tools, PostgreSQL): found, installed from Debian's packages when
// this is a Debian machine run as root, or reported as missing.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const quiet = { stdio: "ignore" };

/** True when a command is on the PATH. */
function has(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], quiet).status === 0;
}

/** Installs Debian packages when we may (root with apt-get); true when the install ran without error. */
function aptInstall(packages, extraArgs = []) {
  if (packages.length === 0) return true;
  if (process.getuid?.() !== 0 || !has("apt-get")) return false;
  console.log(`Installing ${packages.join(", ")} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "-qq", ...extraArgs, ...packages], { stdio: "ignore", env }).status === 0;
  if (install()) return true;
  spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
  return install();
}

/**
 * What compiling the SQLite driver (better-sqlite3, built from source as .npmrc asks) needs: a C++ compiler, make
 * and Python for node-gyp. Installs Debian's build-essential and python3 when we may; otherwise exits with one line
 * naming what is missing, since `npm ci` would fail later with pages of compiler output.
 */
export function ensureBuildTools() {
  const missing = [];
  if (!has("c++") && !has("g++")) missing.push("a C++ compiler");
  if (!has("make")) missing.push("make");
  if (!has("python3")) missing.push("python3");
  if (missing.length === 0) return;
  const wanted = missing.filter((part) => part !== "python3").length > 0 ? ["build-essential"] : [];
  if (missing.includes("python3")) wanted.push("python3");
  if (aptInstall(wanted) && has("make") && (has("c++") || has("g++")) && has("python3")) return;
  console.error(
    `error: building the SQLite driver needs ${missing.join(", ")}; install them (Debian: apt-get install ` +
      `build-essential python3) and run this again`,
  );
  process.exit(1);
}

/** Chromium, the fonts that render CJK and Persian in it, and pdftoppm/pdftotext for the export tests. */
export function ensureBrowserParts(chromiumPath) {
  const wanted = [];
  if (!existsSync(chromiumPath) && chromiumPath === "/usr/bin/chromium") wanted.push("chromium");
  if (!existsSync("/usr/share/fonts/opentype/noto")) wanted.push("fonts-noto-cjk");
  if (!existsSync("/usr/share/fonts/truetype/noto")) wanted.push("fonts-noto-core");
  if (!has("pdftoppm")) wanted.push("poppler-utils");
  aptInstall(wanted);
  return { chromium: existsSync(chromiumPath), poppler: has("pdftoppm") && has("pdftotext") };
}

/** LibreOffice Impress for the PowerPoint rendering test (Debian's libreoffice-impress-nogui), installed when we may. */
export function ensureOfficeSuite() {
  // The headless conversion needs none of its recommended extras (Java, help, desktop integration).
  if (!has("soffice")) aptInstall(["libreoffice-impress-nogui"], ["--no-install-recommends"]);
  return has("soffice");
}

const LOCAL_URL = "postgres://opencjm:opencjm@127.0.0.1:5432/opencjm_test";

/**
 * A PostgreSQL server the storage tests may create databases on: TEST_DATABASE_URL when set, else Debian's local
 * cluster (installed and started when we may, with the test role and database `.ci/run` also creates).
 */
export function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (process.getuid?.() !== 0) return undefined;
  if (!has("pg_ctlcluster") && !aptInstall(["postgresql"])) return undefined;
  const cluster = execFileSync("sh", ["-c", "pg_lsclusters -h 2>/dev/null | head -n1 | awk '{print $1\" \"$2}'"], {
    encoding: "utf8",
  }).trim();
  if (!cluster) return undefined;
  const [version, name] = cluster.split(" ");
  spawnSync("pg_ctlcluster", [version, name, "start"], quiet);
  for (let i = 0; i < 30 && spawnSync("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "5432"], quiet).status !== 0; i++)
    spawnSync("sleep", ["1"]);
  const sql = [
    "SELECT 'CREATE ROLE opencjm LOGIN SUPERUSER PASSWORD ''opencjm''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'opencjm')\\gexec",
    "SELECT 'CREATE DATABASE opencjm_test OWNER opencjm' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'opencjm_test')\\gexec",
  ].join("\n");
  const created = spawnSync("su", ["postgres", "-c", "psql -q -v ON_ERROR_STOP=1"], {
    input: sql,
    stdio: ["pipe", "ignore", "ignore"],
  });
  return created.status === 0 ? LOCAL_URL : undefined;
}

/**
 * Debian's Redis server, which the multi-instance tests start on a free port of their own (REDIS_SERVER overrides
 * the path); installed when we may. True when it is there.
 */
export function ensureRedisServer() {
  const path = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";
  if (!existsSync(path) && path === "/usr/bin/redis-server") aptInstall(["redis-server"]);
  return existsSync(path);
}

/** Debian's ClickHouse server (18.16) for the ClickHouse engine tests, which start two shards of it themselves. */
export function ensureClickHouseServer() {
  const path = process.env.CLICKHOUSE_SERVER ?? "/usr/sbin/clickhouse-server";
  if (!existsSync(path) && path === "/usr/sbin/clickhouse-server") aptInstall(["clickhouse-server"]);
  return existsSync(path);
}
