import {
  environmentLocale,
  LocaleSchema,
  LOCALES,
  translate,
  type CliMessageKey,
  type Locale,
  type MessageValues,
} from "@opencjm/core";

// One process, one reader: main.ts sets the language once, before any command runs.
let current: Locale = "en";

/** The language the CLI speaks in this process. */
export function cliLocale(): Locale {
  return current;
}

/** A sentence of the CLI catalogue (packages/core/src/i18n/cli/) in the CLI's language. */
export function cliText(key: CliMessageKey, values: MessageValues = {}): string {
  return translate(current, "cli", key, values);
}

/** The value of `--lang` on the command line ("--lang ru" or "--lang=ru"), wherever it stands. */
function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") return undefined;
    if (argv[i] === "--lang") return argv[i + 1] ?? "";
    if (argv[i]!.startsWith("--lang=")) return argv[i]!.slice("--lang=".length);
  }
  return undefined;
}

/**
 * Chooses the CLI's language: `--lang`, else the environment's (LC_ALL, LC_MESSAGES, LANG), else English. Returns
 * the language asked for with `--lang`, which also sets an export's labels.
 */
export function chooseCliLocale(argv: readonly string[], env: Record<string, string | undefined>): Locale | undefined {
  const asked = langArgument(argv);
  if (asked !== undefined) {
    const parsed = LocaleSchema.safeParse(asked);
    if (!parsed.success) throw new Error(`--lang: must be one of ${LOCALES.join(", ")}`);
    current = parsed.data;
    return parsed.data;
  }
  current = environmentLocale(env) ?? "en";
  return undefined;
}
