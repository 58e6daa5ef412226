import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { translate, type CliMessageKey, type Locale } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { buildWorkspace } from "../testing/factories.js";
import { runCli } from "../testing/serverProcess.js";
import { createTestDatabase } from "../testing/testDatabases.js";

// No locale from the machine running the tests: each case says its own.
const env = { LC_ALL: "", LC_MESSAGES: "", LANG: "C.UTF-8" };
// Commander wraps long lines at the terminal's width; compare the words without the wrapping.
const words = (text: string) => text.replace(/\s+/g, " ");

describe("cjm's help in the reader's language", () => {
  it.each<Locale>(["ru", "fa"])("cjm --lang %s --help names its headings, commands and options in it", (locale) => {
    const help = runCli(["--lang", locale, "--help"], env);
    expect(help.status).toBe(0);
    const say = (key: CliMessageKey) => translate(locale, "cli", key);
    const text = words(help.stdout);
    expect(help.stdout.startsWith(`${say("help.usage")} cjm`)).toBe(true);
    for (const key of [
      "program.description",
      "help.options",
      "help.commands",
      "option.dataDir",
      "serve.description",
      "importEvents.description",
      "help.helpOption",
    ] as const)
      expect(text, key).toContain(words(say(key)));
    expect(text).not.toContain("Options:");
    expect(text).not.toContain("display help for command");
  });

  it.each<[Locale, Record<string, string>]>([
    ["ru", { ...env, LANG: "ru_RU.UTF-8" }],
    ["fa", { ...env, LC_MESSAGES: "fa_IR.UTF-8" }],
  ])("cjm init --help summarises the command and its options in %s from the locale", (locale, localeEnv) => {
    const help = runCli(["init", "--help"], localeEnv);
    expect(help.status).toBe(0);
    const text = words(help.stdout);
    for (const key of ["init.description", "init.option.email", "init.option.noDemo", "help.globalOptions"] as const)
      expect(text, key).toContain(words(translate(locale, "cli", key)));
    // A default value is announced in the language too.
    expect(text).toContain(`(${translate(locale, "cli", "help.default", { value: '"en"' })})`);
  });

  it("cjm --lang ru says in Russian that an option is unknown or a required one is missing", () => {
    const unknown = runCli(["--lang", "ru", "analyze", "--map", "m", "--workspace", "w", "--colour"], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      `error: ${translate("ru", "cli", "commander.unknownOption", { option: "--colour" })}`,
    );
    expect(unknown.stderr).not.toContain("unknown option");
    const missing = runCli(["analyze", "--workspace", "w"], { ...env, LANG: "ru_RU.UTF-8" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      translate("ru", "cli", "commander.missingMandatoryOption", { option: "--map <mapId>" }),
    );
    // The help shown after the error speaks Russian too, the analyze options included.
    expect(words(missing.stderr)).toContain(words(translate("ru", "cli", "analyze.option.segment")));
  });

  it("cjm import-events --lang fa prints its summary in Persian", { timeout: 120_000 }, async () => {
    const t = await createTestDatabase("sqlite");
    try {
      const ws = await buildWorkspace(t.db);
      const file = join(t.config.dataDir, "visits.csv");
      writeFileSync(
        file,
        "customer_id,event,timestamp\nc1,visit,2024-01-01T10:00:00Z\nc2,visit,2024-01-02T10:00:00Z\n",
      );
      const run = runCli(["--lang", "fa", "import-events", file, "--workspace", ws.id, "--source", "وب"], {
        ...env,
        DATA_DIR: t.config.dataDir,
      });
      expect([run.status, run.stderr]).toEqual([0, ""]);
      const say = (key: CliMessageKey, values: Record<string, string>) => translate("fa", "cli", key, values);
      expect(run.stdout).toContain(
        say("importEvents.imported", { events: "۲", file: "visits.csv", source: "وب", importId: "" }).split(" (")[0],
      );
      expect(run.stdout).toContain(say("importEvents.guessedMapping", {}));
      expect(run.stdout).not.toContain("the workspace now has");
    } finally {
      await t.dispose();
    }
  });
});
