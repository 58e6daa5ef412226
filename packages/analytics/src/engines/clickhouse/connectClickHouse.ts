import { createClient, type ClickHouseClient } from "@clickhouse/client";

/** Where a workspace's events live in ClickHouse: one HTTP address per shard, the database and the cluster name. */
export interface ClickHouseConfig {
  /** HTTP addresses of the shards, in the order of the cluster's `remote_servers` entry (CLICKHOUSE_URL, comma-separated). */
  urls: string[];
  /** Database holding the event tables (CLICKHOUSE_DATABASE, default "opencjm"). */
  database: string;
  /** The `remote_servers` cluster the Distributed table spans (CLICKHOUSE_CLUSTER). */
  cluster: string;
  user?: string;
  password?: string;
}

/** An open connection to every shard of the events cluster. */
export interface ClickHouseEvents {
  config: ClickHouseConfig;
  /** One client per shard; shard 0 also takes the Distributed inserts and holds the published-batch record. */
  shards: ClickHouseClient[];
  close(): Promise<void>;
}

/** The ClickHouse configuration from the environment, or undefined when CLICKHOUSE_URL is not set (DuckDB alone). */
export function clickHouseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ClickHouseConfig | undefined {
  const urls = (env.CLICKHOUSE_URL ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
  if (urls.length === 0) return undefined;
  const cluster = env.CLICKHOUSE_CLUSTER?.trim();
  if (!cluster) throw new Error("CLICKHOUSE_URL is set but CLICKHOUSE_CLUSTER (the remote_servers cluster) is not");
  return {
    urls,
    cluster,
    database: env.CLICKHOUSE_DATABASE?.trim() || "opencjm",
    user: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
  };
}

/**
 * Opens one client per shard (the official client talks to Debian's 18.16 over HTTP as it is). HTTP compression is
 * off: between the shards and the server, on a LAN, gzip costs more CPU than the bytes it saves. A long query (a
 * publication's insert, a shard's stream while DuckDB sorts) sends a progress header every 30 s, so a proxy in front
 * of the shards does not drop it as idle (a 10-minute query adds 20 short headers).
 */
export function connectClickHouse(config: ClickHouseConfig): ClickHouseEvents {
  const shards = config.urls.map((url) =>
    createClient({
      url,
      username: config.user,
      password: config.password,
      compression: { response: false, request: false },
      request_timeout: 600_000,
      clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: "30000" },
    }),
  );
  return {
    config,
    shards,
    close: async () => {
      await Promise.all(shards.map((s) => s.close()));
    },
  };
}
