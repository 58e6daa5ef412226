// `npm run bench`: install what is missing, build, compile the benchmarks and run each one. Each prints its figures and
// its ratio to a baseline measured in the same run, and writes them to bench/results/.
import { execSync } from "node:child_process";
import { build, ensureInstalled } from "./ensureInstalled.mjs";

ensureInstalled();
build();
execSync("npx tsc -p bench/tsconfig.json", { stdio: "inherit" });
for (const name of ["collabLatency", "journeyMetrics", "importEvents", "mapEditor", "evidenceView"]) {
  console.log(`\n== ${name} ==`);
  execSync(`node bench/dist/${name}.js`, { stdio: "inherit" });
}
