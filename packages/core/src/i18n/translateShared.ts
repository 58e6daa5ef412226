import type { Locale } from "../locale.js";
import {
  SHARED_CATALOGUES,
  type CliMessageKey,
  type ErrorMessageKey,
  type ExportMessageKey,
  type ImportMessageKey,
  type SharedNamespace,
} from "./sharedCatalogues.js";
import type { VocabularyKey } from "./vocabularyCatalogue.js";
import { cachedLanguageRules, formatMessage, type Message, type MessageValues } from "./translate.js";

/** The keys of each shared namespace. */
interface SharedKeys {
  errors: ErrorMessageKey;
  cli: CliMessageKey;
  exports: ExportMessageKey;
  imports: ImportMessageKey;
  vocabulary: VocabularyKey;
}

/** The message under `key` in a shared namespace, or undefined when that language's file lacks it. */
export function sharedMessage(locale: Locale, namespace: SharedNamespace, key: string): Message | undefined {
  const file: Record<string, Message> = SHARED_CATALOGUES[namespace][locale];
  return Object.hasOwn(file, key) ? file[key] : undefined;
}

/**
 * A shared catalogue's message in a language with its placeholders filled (English when the language lacks it, the
 * key itself when English does too): what the server, the CLI and the exports print.
 */
export function translate<N extends SharedNamespace>(
  locale: Locale,
  namespace: N,
  key: SharedKeys[N],
  values: MessageValues = {},
): string {
  const message = sharedMessage(locale, namespace, key) ?? sharedMessage("en", namespace, key);
  return message === undefined ? key : formatMessage(message, values, cachedLanguageRules(locale));
}
