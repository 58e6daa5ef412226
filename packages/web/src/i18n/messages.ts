import type { UiLocale } from "./locales.js";

/** Plural forms of one message, by `Intl.PluralRules` category; each language needs the categories it uses. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** One entry of a catalogue file: a text with `{name}` placeholders, or its plural forms (placeholder `{count}`). */
export type Message = string | PluralMessage;
/** Every message of one language, keyed `namespace.key` (the file `i18n/<namespace>/<locale>.json` holds `key`). */
export type Messages = Record<string, Message>;

type CatalogueFiles = Record<string, Record<string, Message>>;

// One JSON file per namespace and language, so each feature owns its strings; each language's files form one chunk.
const bundles: Record<UiLocale, () => Promise<{ default: CatalogueFiles }>> = {
  en: () => import("./messages.en.js"),
  "zh-Hant": () => import("./messages.zh-Hant.js"),
  "zh-Hans": () => import("./messages.zh-Hans.js"),
  ru: () => import("./messages.ru.js"),
  fa: () => import("./messages.fa.js"),
};

/** Loads every namespace of one language into one flat catalogue. */
export async function loadMessages(locale: UiLocale): Promise<Messages> {
  const out: Messages = {};
  for (const [path, messages] of Object.entries((await bundles[locale]()).default)) {
    const namespace = /^\.\/([\w-]+)\//.exec(path)![1]!;
    for (const [key, value] of Object.entries(messages)) out[`${namespace}.${key}`] = value;
  }
  return out;
}

/** Fills `{name}` placeholders with text; React renders the result as text, never as HTML. */
export function fillPlaceholders(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Picks the plural form for `count` under the language's plural rules. */
export function pluralForm(message: Message, count: number, rules: Intl.PluralRules): string {
  if (typeof message === "string") return message;
  return message[rules.select(count)] ?? message.other;
}
