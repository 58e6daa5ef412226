// `npm run bench`: install what is missing, build, compile the benchmarks and run each one. Each prints its figures and
// its ratio to a baseline measured in the same run, and writes them to bench/results/.
// `npm run bench -- journeyMetrics pdfExport` runs only the named ones.
import { execSync } from "node:child_process";
import { build, ensureInstalled } from "./ensureInstalled.mjs";

const ALL = [
  "collabLatency",
  "journeyMetrics",
  "importEvents",
  "mapEditor",
  "pdfExport",
  "evidenceView",
  "soak",
  "mapHistory",
  "kpiSeries",
  "clickhouseEvents",
  "researchAggregation",
];
// The SQL baseline at 10⁸ events reads millions of result rows into JavaScript: more heap than Node's default 4 GB.
const NODE_FLAGS = { journeyMetrics: "--max-old-space-size=12288" };
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Choose from: ${ALL.join(", ")}.`);
  process.exit(2);
}

ensureInstalled();
build();
execSync("npx tsc -p bench/tsconfig.json", { stdio: "inherit" });
for (const name of chosen.length > 0 ? chosen : ALL) {
  console.log(`\n== ${name} ==`);
  execSync(`node ${NODE_FLAGS[name] ?? ""} bench/dist/${name}.js`, { stdio: "inherit" });
}
