import { Help, type Command, type Option } from "commander";
import type { CliMessageKey } from "@opencjm/core";
import { cliText } from "./cliLanguage.js";
import { localiseCommanderError } from "./commanderErrors.js";

// Commander writes these headings in English; each is a sentence of the CLI catalogue instead.
const TITLES: Record<string, CliMessageKey> = {
  "Usage:": "help.usage",
  "Options:": "help.options",
  "Global Options:": "help.globalOptions",
  "Commands:": "help.commands",
  "Arguments:": "help.arguments",
};

/**
 * An option's line of the help: its description, then its default in the CLI's language ("(default: "json")").
 * Options with choices, presets or environment variables (none of cjm's) keep Commander's own wording.
 */
function optionDescription(option: Option): string {
  if (option.argChoices || option.presetArg !== undefined || option.envVar !== undefined)
    return Help.prototype.optionDescription.call(new Help(), option);
  const shown =
    option.defaultValue !== undefined &&
    (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean"));
  if (!shown) return option.description;
  const value = option.defaultValueDescription || JSON.stringify(option.defaultValue);
  const extra = `(${cliText("help.default", { value })})`;
  return option.description ? `${option.description} ${extra}` : extra;
}

/**
 * Makes `program`'s help and Commander's parse errors ("unknown option", "required option … not specified") speak
 * the CLI's language: the headings, the help option and command, and option defaults. Call it before adding
 * subcommands, which copy these settings when created (so `cjm serve --help` speaks it too).
 */
export function localiseHelp(program: Command): Command {
  return program
    .configureOutput({ outputError: (message, write) => write(localiseCommanderError(message)) })
    .helpOption("-h, --help", cliText("help.helpOption"))
    .helpCommand("help [command]", cliText("help.helpCommand"))
    .configureHelp({
      // Global options (--data-dir, --lang) are listed in every subcommand's help too.
      showGlobalOptions: true,
      styleTitle: (title) => {
        const key = TITLES[title];
        return key === undefined ? title : cliText(key);
      },
      optionDescription,
    });
}
