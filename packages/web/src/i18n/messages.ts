import type { UiLocale } from "./locales.js";

/** Plural forms of one message, by `Intl.PluralRules` category; each language needs the categories it uses. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** One entry of a catalogue file: a text with `{name}` placeholders, or its plural forms (placeholder `{count}`). */
export type Message = string | PluralMessage;
/** Every message of one language, keyed `namespace.key` (the file `i18n/<namespace>/<locale>.json` holds `key`). */
export type Messages = Record<string, Message>;

// One JSON file per namespace and language, so each feature owns its strings; Vite makes each a lazy chunk.
const files = import.meta.glob<{ default: Record<string, Message> }>("./*/*.json");

/** Loads every namespace of one language into one flat catalogue. */
export async function loadMessages(locale: UiLocale): Promise<Messages> {
  const out: Messages = {};
  const loads = Object.entries(files)
    .map(([path, load]) => ({ match: /^\.\/([\w-]+)\/([\w-]+)\.json$/.exec(path), load }))
    .filter(({ match }) => match?.[2] === locale)
    .map(async ({ match, load }) => {
      const namespace = match![1]!;
      for (const [key, value] of Object.entries((await load()).default)) out[`${namespace}.${key}`] = value;
    });
  await Promise.all(loads);
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
