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

  it("sends no e-mail without SMTP, and reads SMTP_URL or SMTP_HOST with its port, security and credentials", () => {
    expect(loadConfig({}).mail).toBeUndefined();
    const base = { PUBLIC_URL: "https://cjm.example.com", MAIL_FROM: "OpenCJM <maps@example.com>" };
    expect(loadConfig({ ...base, SMTP_URL: "smtps://u:p@mail.example.com:465" }).mail).toEqual({
      transport: { url: "smtps://u:p@mail.example.com:465" },
      from: "OpenCJM <maps@example.com>",
      publicUrl: "https://cjm.example.com",
    });
    expect(
      loadConfig({ ...base, SMTP_HOST: "mail.example.com", SMTP_USER: "u", SMTP_PASSWORD: "p" }).mail?.transport,
    ).toEqual({ host: "mail.example.com", port: 587, secure: false, auth: { user: "u", pass: "p" } });
    expect(loadConfig({ ...base, SMTP_HOST: "mail.example.com", SMTP_PORT: "465" }).mail?.transport).toMatchObject({
      port: 465,
      secure: true,
    });
  });

  it("names the mail setting that is wrong or missing", () => {
    const base = { PUBLIC_URL: "https://cjm.example.com", MAIL_FROM: "maps@example.com" };
    expect(() => loadConfig({ ...base, SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ ...base, SMTP_HOST: "mail.example.com", SMTP_PORT: "99999" })).toThrow(/SMTP_PORT/);
    expect(() => loadConfig({ PUBLIC_URL: base.PUBLIC_URL, SMTP_HOST: "mail.example.com" })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ ...base, MAIL_FROM: "a@b\r\nBcc: x@y", SMTP_HOST: "mail.example.com" })).toThrow(
      /MAIL_FROM/,
    );
    expect(() => loadConfig({ MAIL_FROM: base.MAIL_FROM, SMTP_HOST: "mail.example.com" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ...base, SMTP_HOST: "mail.example.com", SMTP_USER: "u" })).toThrow(/SMTP_PASSWORD/);
  });

  it("puts the SQLite file inside an overridden data directory", () => {
    expect(loadConfig({}, { dataDir: "/tmp/x" }).sqlitePath).toBe("/tmp/x/opencjm.sqlite");
  });
});
