// `npm start`: check the Node.js version, install what is missing, build, then serve with a demo workspace on embedded storage.
import { spawn } from "node:child_process";
import { checkNodeVersion } from "./checkNodeVersion.mjs";
import { build, ensureInstalled } from "./ensureInstalled.mjs";

checkNodeVersion();
ensureInstalled();
build();
const child = spawn(process.execPath, ["packages/server/dist/cli/main.js", "serve", "--demo"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
