import { SHARED_CATALOGUES, sharedMessage, translate, type ErrorMessageKey, type Locale } from "@opencjm/core";
import { z } from "zod";

/** zod's own wording of its schema problems, per language (zod v4 ships these). */
const SCHEMA_WORDS: Record<Locale, z.core.$ZodErrorMap> = {
  en: z.locales.en().localeError,
  "zh-Hant": z.locales.zhTW().localeError,
  "zh-Hans": z.locales.zhCN().localeError,
  ru: z.locales.ru().localeError,
  fa: z.locales.fa().localeError,
};

/** What a message is rebuilt from: its code, its English sentence, and optionally its key and values. */
export interface LocalisableError {
  code: string;
  message: string;
  field?: string | undefined;
  messageKey?: string | undefined;
  params?: Record<string, string | number> | undefined;
  schemaIssues?: readonly z.core.$ZodIssue[];
}

const placeholder = /\{(\w+)\}/g;
const englishErrors: Record<string, unknown> = SHARED_CATALOGUES.errors.en;

// The code's own key and its variants ("not_found", "not_found.map"), fixed sentences first, then the most specific.
const keysByCode = new Map<string, string[]>();
function keysOf(code: string): string[] {
  let keys = keysByCode.get(code);
  if (!keys) {
    const literal = (key: string) => String(englishErrors[key]).replace(placeholder, "").length;
    const holes = (key: string) => [...String(englishErrors[key]).matchAll(placeholder)].length;
    keys = Object.keys(englishErrors)
      .filter((key) => key === code || key.startsWith(`${code}.`))
      .sort((a, b) => holes(a) - holes(b) || literal(b) - literal(a));
    keysByCode.set(code, keys);
  }
  return keys;
}

/** The values an English sentence was made with from this template, or undefined when it was not made from it. */
function valuesIn(template: string, sentence: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split(placeholder)
    .map((part, i) => (i % 2 === 1 ? (names.push(part), "(.+?)") : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const match = new RegExp(`^${pattern}$`, "s").exec(sentence);
  return match ? Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) : undefined;
}

/** One sentence of the errors catalogue in a language, or undefined when no entry of the code says it. */
function catalogueSentence(code: string, english: string, locale: Locale, err?: LocalisableError): string | undefined {
  if (err?.params !== undefined) {
    const key = err.messageKey ?? code;
    const message = sharedMessage(locale, "errors", key);
    const needed = typeof message === "string" ? [...message.matchAll(placeholder)].map((m) => m[1]!) : [];
    if (message !== undefined && needed.every((name) => name in err.params!))
      return translate(locale, "errors", key as ErrorMessageKey, err.params);
  }
  for (const key of err?.messageKey ? [err.messageKey, ...keysOf(code)] : keysOf(code)) {
    const template = englishErrors[key];
    const values = typeof template === "string" ? valuesIn(template, english) : undefined;
    if (values) return translate(locale, "errors", key as ErrorMessageKey, values);
  }
  return undefined;
}

/** A schema problem in zod's words for the language, when the schema did not word it itself. */
export function schemaIssueMessage(issue: z.core.$ZodIssue, locale: Locale): string | undefined {
  const say = (map: z.core.$ZodErrorMap) => {
    const said = map(issue as unknown as z.core.$ZodRawIssue);
    return typeof said === "string" ? said : said?.message;
  };
  if (say(SCHEMA_WORDS.en) !== issue.message) return undefined;
  return say(SCHEMA_WORDS[locale]);
}

/**
 * An error's message in the reader's language: rebuilt from the errors catalogue by its code (values from `params`
 * or read back from the English sentence), a schema problem in zod's words, and otherwise the code's general
 * sentence with the English one after it. English is returned as thrown.
 */
export function localisedErrorMessage(err: LocalisableError, locale: Locale): string {
  if (locale === "en") return err.message;
  const field = err.field !== undefined && err.message.startsWith(`${err.field}: `) ? err.field : undefined;
  const reason = field === undefined ? err.message : err.message.slice(field.length + 2);
  const issue = err.schemaIssues?.[0];
  const keys = issue && "keys" in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(", ")})` : "";
  let text =
    (issue && schemaIssueMessage(issue, locale)?.concat(keys)) ?? catalogueSentence(err.code, reason, locale, err);
  if (text === undefined) {
    // A sentence naming its field itself ("expiresAt: must be in the future").
    const named = /^([^\s:]+): (.+)$/s.exec(reason);
    const rest = named && catalogueSentence(err.code, named[2]!, locale);
    if (named && rest) text = `${named[1]}: ${rest}`;
  }
  if (text === undefined) {
    const general = sharedMessage(locale, "errors", err.code);
    text = typeof general === "string" && !/\{\w+\}/.test(general) ? `${general} (${reason})` : reason;
  }
  return field === undefined ? text : `${field}: ${text}`;
}

/** One problem's message in the reader's language, when the catalogue or zod has it; else as it was. */
export function localisedIssueMessage(
  code: string,
  message: string,
  issue: z.core.$ZodIssue | undefined,
  locale: Locale,
): string {
  if (locale === "en") return message;
  const keys = issue && "keys" in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(", ")})` : "";
  return (
    (issue && schemaIssueMessage(issue, locale)?.concat(keys)) ?? catalogueSentence(code, message, locale) ?? message
  );
}
