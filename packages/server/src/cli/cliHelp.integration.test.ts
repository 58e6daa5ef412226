import { translate, type CliMessageKey, type Locale } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/serverProcess.js";

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
});
