import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_PATH, runCli } from "../testing/serverProcess.js";

/** A `cjm serve` child whose stdout can be awaited line by line, without sleeps. */
interface Served {
  child: ChildProcess;
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Sends a signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

function serve(args: string[], env: NodeJS.ProcessEnv): Served {
  const child = spawn(process.execPath, [CLI_PATH, "serve", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (!match) return;
          child.stdout.off("data", check);
          resolve(match);
        };
        child.stdout.on("data", check);
        void exited.then((code) =>
          reject(new Error(`cjm serve exited with ${code} before printing ${pattern}:\n${output}`)),
        );
        check();
      }),
    stop: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

async function signIn(url: string, email: string, password: string): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "" };
}

async function workspacesOf(url: string, cookie: string): Promise<Array<{ name: string; role: string }>> {
  const session = (await (await fetch(`${url}/api/auth/session`, { headers: { cookie } })).json()) as {
    workspaces: Array<{ name: string; role: string }>;
  };
  return session.workspaces;
}

describe("cjm serve --demo", () => {
  const dirs: string[] = [];
  const running: Served[] = [];
  const freshEnv = (extra: NodeJS.ProcessEnv = {}) => {
    const dir = mkdtempSync(join(tmpdir(), "cjm-serve-"));
    dirs.push(dir);
    return { DATA_DIR: join(dir, "data"), DATABASE_URL: "", DEMO_EMAIL: "", DEMO_PASSWORD: "", ...extra };
  };
  const start = (args: string[], env: NodeJS.ProcessEnv) => {
    const s = serve(args, env);
    running.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of running.splice(0)) await s.stop("SIGKILL");
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("creates a demo login on first start only, serves the page, and stops cleanly on SIGINT and SIGTERM", async () => {
    const env = freshEnv({ PORT: "0" });
    const first = start(["--demo"], env);
    const url = (await first.waitFor(/OpenCJM is running at (http:\/\/\S+)/))[1]!;
    const [, email, password] = await first.waitFor(/demo login: (\S+) \/ (\S+)/);
    expect(email).toBe("demo@opencjm.local");
    const login = await signIn(url, email!, password!);
    expect(login.status).toBe(200);
    expect(await workspacesOf(url, login.cookie)).toEqual([
      expect.objectContaining({ name: expect.stringContaining("Demo"), role: "owner" }),
    ]);
    const page = await fetch(`${url}/`);
    const html = await page.text();
    const src = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect([page.status, src]).toEqual([200, expect.stringMatching(/^\/assets\/index-.+\.js$/)]);
    const script = await fetch(`${url}${src}`);
    expect([script.status, script.headers.get("content-type")]).toEqual([200, expect.stringContaining("javascript")]);
    expect(await first.stop("SIGINT")).toBe(0);

    const second = start(["--demo"], env);
    const url2 = (await second.waitFor(/OpenCJM is running at (http:\/\/\S+)/))[1]!;
    await second.waitFor(/demo workspace already present/);
    const again = await signIn(url2, email!, password!);
    expect(await workspacesOf(url2, again.cookie)).toHaveLength(1);
    expect(await second.stop("SIGTERM")).toBe(0);
  });

  it("uses DEMO_EMAIL and DEMO_PASSWORD when set", async () => {
    const env = freshEnv({ DEMO_EMAIL: "lead@example.com", DEMO_PASSWORD: "chosen demo password" });
    const s = start(["--port", "0", "--demo"], env);
    const url = (await s.waitFor(/OpenCJM is running at (http:\/\/\S+)/))[1]!;
    expect((await s.waitFor(/demo login: .+/))[0]).toBe("demo login: lead@example.com / chosen demo password");
    expect((await signIn(url, "lead@example.com", "chosen demo password")).status).toBe(200);
  });

  it("without --demo creates no account, and refuses a bad port naming the option", async () => {
    const env = freshEnv();
    const s = start(["--port", "0"], env);
    const url = (await s.waitFor(/OpenCJM is running at (http:\/\/\S+)/))[1]!;
    expect((await signIn(url, "demo@opencjm.local", "anything at all")).status).toBe(401);
    const bad = runCli(["serve", "--port", "70000"], env);
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringContaining("--port")]);
    const missingPassword = runCli(["init", "--email", "a@example.com", "--name", "A"], { ...env, CJM_PASSWORD: "" });
    expect([missingPassword.status, missingPassword.stderr]).toEqual([
      1,
      expect.stringContaining("--password: is required (give --password or set CJM_PASSWORD)"),
    ]);
  });
});
