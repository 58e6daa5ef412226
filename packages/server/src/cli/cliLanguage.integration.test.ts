import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCALES, translate } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../testing/serverProcess.js";

describe("cjm speaks the language asked for", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const email = "owner@example.test";

  // Each run starts a whole cjm process (database, migrations) on a shared two-core machine.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cjm-lang-"));
    // No locale from the machine running the tests: English unless a test says otherwise.
    env = { DATA_DIR: join(dir, "data"), DATABASE_URL: "", LC_ALL: "", LC_MESSAGES: "", LANG: "C.UTF-8" };
    const init = runCli(["init", "--email", email, "--name", "Owner", "--password", "correct horse battery"], env);
    expect(init.status).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(LOCALES)(
    "with --lang %s, says its own errors and the server's in that language",
    (locale) => {
      const noMap = runCli(["--lang", locale, "map", "export", "m_missing"], env);
      expect([noMap.status, noMap.stderr.trim()]).toEqual([
        1,
        `error: ${translate(locale, "cli", "noMap", { id: "m_missing" })}`,
      ]);
      const taken = runCli(
        ["user", "add", `--lang=${locale}`, "--email", email, "--name", "Again", "--password", "correct horse battery"],
        env,
      );
      expect([taken.status, taken.stderr.trim()]).toEqual([
        1,
        `error: ${translate(locale, "errors", "email_taken", { email })}`,
      ]);
    },
    120_000,
  );

  it("takes the language from LC_ALL, else LC_MESSAGES, else LANG, and English from C", () => {
    const say = (locale: Record<string, string>) =>
      runCli(["map", "export", "m_missing"], { ...env, ...locale }).stderr.trim();
    expect(say({ LANG: "ru_RU.UTF-8" })).toBe(`error: ${translate("ru", "cli", "noMap", { id: "m_missing" })}`);
    expect(say({ LANG: "ru_RU.UTF-8", LC_MESSAGES: "fa_IR.UTF-8" })).toBe(
      `error: ${translate("fa", "cli", "noMap", { id: "m_missing" })}`,
    );
    expect(say({ LANG: "ru_RU.UTF-8", LC_ALL: "zh_TW.UTF-8" })).toBe(
      `error: ${translate("zh-Hant", "cli", "noMap", { id: "m_missing" })}`,
    );
    expect(say({ LANG: "C" })).toBe(`error: <mapId>: no map "m_missing"`);
  }, 240_000);

  it("refuses a language it does not speak, naming the option", () => {
    const r = runCli(["--lang", "de", "migrate"], env);
    expect([r.status, r.stderr.trim()]).toEqual([1, "error: --lang: must be one of en, zh-Hant, zh-Hans, ru, fa"]);
  }, 60_000);
});
