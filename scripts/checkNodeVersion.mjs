// `npm start` and `npm test` stop at once, with one line saying what to do, when Node.js is older than package.json's
// `engines.node` (a plain `>=major.minor` range): an older Node fails later with errors that name none of this.
import { readFileSync } from "node:fs";

/** The version parts of `a.b.c` as numbers (missing parts are 0). */
function parts(version) {
  return version.split(".").map((p) => Number.parseInt(p, 10) || 0);
}

/** True when version `a` is at least `b`, comparing major, minor and patch. */
function atLeast(a, b) {
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Exits with status 1 and one `error: …` line when this Node.js does not satisfy package.json's engines. */
export function checkNodeVersion() {
  const range = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).engines?.node ?? "";
  const minimum = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range.trim())?.[1];
  if (!minimum || atLeast(parts(process.versions.node), parts(minimum))) return;
  console.error(
    `error: OpenCJM needs Node.js ${minimum} or newer, this is ${process.versions.node}; install a newer ` +
      `one (\`nvm install 22\`, or an installer from https://nodejs.org/en/download) and run this again`,
  );
  process.exit(1);
}
