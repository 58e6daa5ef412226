/** Plural forms of one message, by `Intl.PluralRules` category; each language needs the categories it uses. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** One entry of a catalogue file: a text with `{name}` placeholders, or its plural forms (placeholder `{count}`). */
export type Message = string | PluralMessage;
/** Values for a message's placeholders. */
export type MessageValues = Record<string, string | number>;

/** Fills `{name}` placeholders with text, leaving unknown ones as they are; callers render the result as text. */
export function fillPlaceholders(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Picks the plural form for `count` under the language's plural rules. */
export function pluralForm(message: Message, count: number, rules: Intl.PluralRules): string {
  if (typeof message === "string") return message;
  return message[rules.select(count)] ?? message.other;
}

/** The language's plural rules and number format, made once per language and reused for every message. */
export interface LanguageRules {
  plurals: Intl.PluralRules;
  numbers: Intl.NumberFormat;
}

/** The plural rules and number format of a language. */
export function languageRules(locale: string): LanguageRules {
  return { plurals: new Intl.PluralRules(locale), numbers: new Intl.NumberFormat(locale) };
}

const rulesByLocale = new Map<string, LanguageRules>();
/** A language's rules, made once per language (Intl objects are costly to make per message). */
export function cachedLanguageRules(locale: string): LanguageRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = languageRules(locale)));
  return rules;
}

/**
 * One message with its placeholders filled: a plural message picks its form from `values.count`, and numbers are
 * written the language's way (Persian digits in Persian). The one translator of the web app, the server and the CLI.
 */
export function formatMessage(message: Message, values: MessageValues, rules: LanguageRules): string {
  const count = typeof values.count === "number" ? values.count : undefined;
  const template =
    count === undefined
      ? typeof message === "string"
        ? message
        : message.other
      : pluralForm(message, count, rules.plurals);
  const shown = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === "number" ? rules.numbers.format(v) : v]),
  );
  return fillPlaceholders(template, shown);
}
