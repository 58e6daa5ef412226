import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("uses embedded SQLite under ./data when DATABASE_URL is unset", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.sqlitePath.endsWith("/data/opencjm.sqlite")).toBe(true);
    expect(config.port).toBe(3000);
  });

  it("names the environment variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ PUBLIC_URL: "not a url" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ TRUST_PROXY: "loopback, proxy.example.com" })).toThrow(
      /TRUST_PROXY: "proxy.example.com" is not an address/,
    );
  });

  it("turns on secure cookies for an https public URL and lets SECURE_COOKIES override it", () => {
    expect(loadConfig({ PUBLIC_URL: "https://cjm.example.com" }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: "https://cjm.example.com", SECURE_COOKIES: "false" }).secureCookies).toBe(false);
  });

  it("puts the SQLite file inside an overridden data directory", () => {
    expect(loadConfig({}, { dataDir: "/tmp/x" }).sqlitePath).toBe("/tmp/x/opencjm.sqlite");
  });
});
