// The checks `npm test` runs before any test: each is a command of an installed tool, announced once as it starts,
// and a failing one is named in one line at the end, so a red run says which gate to look at.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../node_modules/.bin/", import.meta.url));

/**
 * Runs every gate (`{ name, command }`, the command an array of a tool in node_modules/.bin and its arguments) in
 * order, even after one fails, so one run shows every problem; returns the names of the gates that failed.
 */
export function runGates(gates) {
  const failed = [];
  for (const [index, gate] of gates.entries()) {
    const [tool, ...args] = gate.command;
    console.log(`\n== gate ${index + 1}/${gates.length}: ${gate.name} (${gate.command.join(" ")}) ==`);
    const result = spawnSync(`${BIN}${tool}`, args, { stdio: "inherit" });
    if (result.status !== 0) failed.push(gate);
  }
  for (const gate of failed)
    console.error(`gate failed: ${gate.name} — \`npx ${gate.command.join(" ")}\` printed the problems above`);
  return failed.map((gate) => gate.name);
}
