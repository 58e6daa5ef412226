import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The compiled CLI; `npm test` builds it before running the tests. */
export const CLI_PATH = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** Runs the compiled `cjm` CLI to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A `cjm serve` process and the URL it printed. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Stops it with a signal and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `cjm serve --port 0` and resolves once it prints "running at <url>". */
export function startServerProcess(args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI_PATH, "serve", "--port", "0", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/running at (http:\/\/\S+)/)?.[1];
      if (url) {
        child.stdout?.off("data", onData);
        child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
        resolve({
          url,
          child,
          output: () => output,
          stop: async (signal = "SIGTERM") => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => reject(new Error(`cjm serve exited with ${code} before it was ready:\n${output}`)));
  });
}
