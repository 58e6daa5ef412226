import type { Locale } from "../locale.js";
import { cachedLanguageRules, formatMessage, type Message, type MessageValues } from "./translate.js";
import vocabularyEn from "./vocabulary/en.json" with { type: "json" };
import vocabularyZhHant from "./vocabulary/zh-Hant.json" with { type: "json" };
import vocabularyZhHans from "./vocabulary/zh-Hans.json" with { type: "json" };
import vocabularyRu from "./vocabulary/ru.json" with { type: "json" };
import vocabularyFa from "./vocabulary/fa.json" with { type: "json" };

/**
 * The words the screen and the exports both show (map types and statuses, lane types, evidence levels, stage, step,
 * persona fields…), so each is written once. The web app reads them as `vocabulary.<key>`; kept apart from the other
 * shared namespaces so the web bundle carries only these.
 */
export const VOCABULARY = {
  en: vocabularyEn,
  "zh-Hant": vocabularyZhHant,
  "zh-Hans": vocabularyZhHans,
  ru: vocabularyRu,
  fa: vocabularyFa,
} satisfies Record<Locale, Record<string, Message>>;

/** A key of the vocabulary the screen and the exports share, typed from the English file. */
export type VocabularyKey = keyof typeof vocabularyEn;

/**
 * A vocabulary word in a language with its placeholders filled (English when the language lacks it): what code shared
 * with the web app uses (cards as text), so the web bundle carries this catalogue and not the server's and CLI's.
 */
export function translateVocabulary(locale: Locale, key: VocabularyKey, values: MessageValues = {}): string {
  const file: Record<string, Message> = VOCABULARY[locale];
  const message = Object.hasOwn(file, key) ? file[key]! : VOCABULARY.en[key];
  return formatMessage(message, values, cachedLanguageRules(locale));
}
