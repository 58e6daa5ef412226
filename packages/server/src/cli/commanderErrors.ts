import { cliText } from "./cliLanguage.js";

// Commander builds its parse errors as English sentences and offers no keys, only the `outputError` hook that
// receives the finished line. These patterns match the lines of the pinned Commander 14 (lib/command.js); a line
// none of them matches (a future wording) is printed as Commander wrote it rather than lost.
const SENTENCES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^unknown option '(.*)'$/, (m) => cliText("commander.unknownOption", { option: m[1]! })],
  [/^unknown command '(.*)'$/, (m) => cliText("commander.unknownCommand", { command: m[1]! })],
  [/^missing required argument '(.*)'$/, (m) => cliText("commander.missingArgument", { argument: m[1]! })],
  [/^option '(.*)' argument missing$/, (m) => cliText("commander.optionMissingArgument", { option: m[1]! })],
  [/^required option '(.*)' not specified$/, (m) => cliText("commander.missingMandatoryOption", { option: m[1]! })],
  [
    /^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => cliText("commander.excessArgumentsFor", { command: m[1]!, expected: m[2]!, received: m[3]! }),
  ],
  [
    /^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => cliText("commander.excessArguments", { expected: m[1]!, received: m[2]! }),
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (m) => cliText("commander.didYouMeanOneOf", { suggestions: m[1]! })],
  [/^\(Did you mean (.*)\?\)$/, (m) => cliText("commander.didYouMean", { suggestion: m[1]! })],
];

function localiseLine(line: string): string {
  const prefix = line.startsWith("error: ") ? "error: " : "";
  const sentence = line.slice(prefix.length);
  for (const [pattern, say] of SENTENCES) {
    const match = sentence.match(pattern);
    if (match) return prefix + say(match);
  }
  return line;
}

/**
 * One of Commander's error messages ("error: unknown option '--x'\n(Did you mean --y?)\n") in the CLI's language,
 * line by line; the `error: ` prefix stays, as on every other error line of cjm.
 */
export function localiseCommanderError(message: string): string {
  return message.split("\n").map(localiseLine).join("\n");
}
