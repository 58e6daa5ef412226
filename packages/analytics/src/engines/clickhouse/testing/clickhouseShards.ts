import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Debian's ClickHouse server (18.16), which `npm test` and `.ci/run` install; CLICKHOUSE_SERVER overrides the path. */
export const CLICKHOUSE_SERVER = process.env.CLICKHOUSE_SERVER ?? "/usr/sbin/clickhouse-server";

/** Why the ClickHouse tests cannot run here, or undefined when they can (under CI=true absence is a failure). */
export function clickhouseSkipReason(): string | undefined {
  if (existsSync(CLICKHOUSE_SERVER)) return undefined;
  const reason = `no ClickHouse server at ${CLICKHOUSE_SERVER}; install Debian's clickhouse-server or set CLICKHOUSE_SERVER`;
  if (process.env.CI === "true") throw new Error(reason);
  return reason;
}

/** Two throwaway ClickHouse servers forming one cluster of two shards, for one test file. */
export interface TestClickHouseShards {
  /** HTTP address of each shard, in the cluster's shard order. */
  urls: string[];
  /** Name of the cluster in both servers' `remote_servers`. */
  cluster: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Ports {
  http: number;
  tcp: number;
  interserver: number;
}

function serverConfig(dir: string, ports: Ports, all: Ports[]): string {
  const shards = all
    .map((p) => `<shard><replica><host>127.0.0.1</host><port>${p.tcp}</port></replica></shard>`)
    .join("");
  // Only what 18.16 needs to start unprivileged in a temporary folder; small caches, since eight people share the machine.
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers><test_shards>${shards}</test_shards></remote_servers>
</yandex>
`;
}

const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`;

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  let exited = child.exitCode !== null || child.signalCode !== null;
  let wake: () => void = () => undefined;
  child.once("exit", () => {
    exited = true;
    wake();
  });
  for (;;) {
    if (exited) throw new Error(`clickhouse-server exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    const ok = await fetch(`${url}/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    // Polls the ping until it answers (the server has no readiness signal on its output); an exit ends the wait.
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, 100);
    });
  }
}

/**
 * Starts two clickhouse-server processes on free loopback ports, each with a generated configuration naming both as
 * the shards of cluster `test_shards`, and resolves once both answer their HTTP ping.
 */
export async function startTestClickHouseShards(): Promise<TestClickHouseShards> {
  if (!existsSync(CLICKHOUSE_SERVER)) throw new Error(`no ClickHouse server at ${CLICKHOUSE_SERVER}`);
  const all: Ports[] = [];
  for (let i = 0; i < 2; i++)
    all.push({ http: await freePort(), tcp: await freePort(), interserver: await freePort() });
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const exits: Array<Promise<void>> = [];
  const stop = async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.all(exits);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const ports of all) {
      const dir = mkdtempSync(join(tmpdir(), "opencjm-clickhouse-"));
      dirs.push(dir);
      for (const sub of ["data", "tmp", "user_files", "format_schemas"]) mkdirSync(join(dir, sub));
      writeFileSync(join(dir, "config.xml"), serverConfig(dir, ports, all));
      writeFileSync(join(dir, "users.xml"), USERS);
      const child = spawn(CLICKHOUSE_SERVER, [`--config-file=${join(dir, "config.xml")}`], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      exits.push(new Promise<void>((resolve) => child.once("exit", () => resolve())));
    }
    const urls = all.map((p) => `http://127.0.0.1:${p.http}`);
    await Promise.all(
      children.map((child, i) => {
        let output = "";
        child.stdout?.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
        child.stderr?.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
        return waitUntilReady(urls[i]!, child, () => output);
      }),
    );
    return { urls, cluster: "test_shards", stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
