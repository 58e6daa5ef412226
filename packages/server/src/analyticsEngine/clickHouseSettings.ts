import type { ClickHouseConfig } from "@opencjm/analytics";
import { z } from "zod";
import { DomainError } from "../errors/DomainError.js";

/** The CLICKHOUSE_* environment variables (README, "Configuration"); all unset keeps every event in DuckDB alone. */
export const ClickHouseEnvShape = {
  CLICKHOUSE_URL: z.string().optional(),
  CLICKHOUSE_CLUSTER: z.string().optional(),
  CLICKHOUSE_DATABASE: z.string().optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
};

type ClickHouseEnv = { [K in keyof typeof ClickHouseEnvShape]?: string | undefined };

// The cluster and database names are written into ClickHouse's SQL as they are (18.16 takes no parameters there).
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function refuse(code: string, message: string, params: Record<string, string>): never {
  throw new DomainError({ kind: "invalid", code, message, params });
}

/**
 * The ClickHouse events cluster from the environment, or undefined when no CLICKHOUSE_* variable is set. A half-given
 * or malformed configuration is refused at start with a message naming the variable (errors catalogue, five languages),
 * rather than failing at the first import.
 */
export function clickHouseSettingsOf(env: ClickHouseEnv): ClickHouseConfig | undefined {
  const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const urls = (env.CLICKHOUSE_URL ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length === 0) {
    const stray = (
      ["CLICKHOUSE_CLUSTER", "CLICKHOUSE_DATABASE", "CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD"] as const
    ).find((name) => given(env[name]) !== undefined);
    if (stray)
      refuse(
        "clickhouse_url_missing",
        `${stray} is set but CLICKHOUSE_URL is not: list the ClickHouse shards' HTTP addresses, comma-separated`,
        { variable: stray },
      );
    return undefined;
  }
  for (const url of urls)
    if (!/^https?:\/\/[^\s/]+/.test(url) || !URL.canParse(url))
      refuse("clickhouse_url_invalid", `CLICKHOUSE_URL: "${url}" is not an http:// or https:// address`, { url });
  const cluster = given(env.CLICKHOUSE_CLUSTER);
  if (!cluster)
    refuse(
      "clickhouse_cluster_missing",
      "CLICKHOUSE_URL is set but CLICKHOUSE_CLUSTER is not: name the remote_servers cluster the shards form",
      {},
    );
  const database = given(env.CLICKHOUSE_DATABASE) ?? "opencjm";
  for (const [variable, value] of [
    ["CLICKHOUSE_CLUSTER", cluster],
    ["CLICKHOUSE_DATABASE", database],
  ] as const)
    if (!NAME.test(value))
      refuse(
        "clickhouse_name_invalid",
        `${variable}: "${value}" is not a name ClickHouse accepts here (letters, digits and _, not starting with a digit)`,
        { variable, value },
      );
  return { urls, cluster, database, user: given(env.CLICKHOUSE_USER), password: env.CLICKHOUSE_PASSWORD || undefined };
}
