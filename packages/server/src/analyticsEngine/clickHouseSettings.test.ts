import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { localisedErrorMessage } from "../errors/localiseError.js";

/** The refusal loadConfig throws for an environment, as a Persian reader of `cjm serve` would read it. */
function refusalInPersian(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    return localisedErrorMessage(err as Parameters<typeof localisedErrorMessage>[0], "fa");
  }
  throw new Error("the configuration was accepted");
}

describe("ClickHouse configuration", () => {
  it("keeps the events in DuckDB alone when no CLICKHOUSE_ variable is set", () => {
    expect(loadConfig({}).clickHouse).toBeUndefined();
  });

  it("reads the shards, the cluster, the database and the credentials", () => {
    const config = loadConfig({
      CLICKHOUSE_URL: "http://ch1:8123, http://ch2:8123",
      CLICKHOUSE_CLUSTER: "events",
      CLICKHOUSE_USER: "cjm",
      CLICKHOUSE_PASSWORD: "secret",
    });
    expect(config.clickHouse).toEqual({
      urls: ["http://ch1:8123", "http://ch2:8123"],
      cluster: "events",
      database: "opencjm",
      user: "cjm",
      password: "secret",
    });
  });

  it("refuses a half-given configuration at start, naming the variable", () => {
    expect(() => loadConfig({ CLICKHOUSE_URL: "http://ch1:8123" })).toThrow(/CLICKHOUSE_CLUSTER is not/);
    expect(() => loadConfig({ CLICKHOUSE_CLUSTER: "events" })).toThrow(
      /CLICKHOUSE_CLUSTER is set but CLICKHOUSE_URL is not/,
    );
    expect(() => loadConfig({ CLICKHOUSE_PASSWORD: "secret" })).toThrow(/CLICKHOUSE_PASSWORD is set/);
  });

  it("refuses addresses and names that are not what ClickHouse takes", () => {
    expect(() => loadConfig({ CLICKHOUSE_URL: "ch1:9000", CLICKHOUSE_CLUSTER: "events" })).toThrow(
      /CLICKHOUSE_URL: "ch1:9000" is not an http/,
    );
    expect(() => loadConfig({ CLICKHOUSE_URL: "http://ch1:8123", CLICKHOUSE_CLUSTER: "events; DROP" })).toThrow(
      /CLICKHOUSE_CLUSTER: "events; DROP"/,
    );
    expect(() =>
      loadConfig({ CLICKHOUSE_URL: "http://ch1:8123", CLICKHOUSE_CLUSTER: "events", CLICKHOUSE_DATABASE: "1db" }),
    ).toThrow(/CLICKHOUSE_DATABASE: "1db"/);
  });

  it("words the refusal in the reader's language", () => {
    expect(refusalInPersian({ CLICKHOUSE_URL: "http://ch1:8123" })).toContain("تنظیم شده اما CLICKHOUSE_CLUSTER نه");
    expect(refusalInPersian({ CLICKHOUSE_URL: "ftp://x", CLICKHOUSE_CLUSTER: "events" })).toBe(
      "CLICKHOUSE_URL: «ftp://x» نشانی http:// یا https:// نیست",
    );
  });
});
