import { cachedLanguageRules, formatMessage, type Locale, type MessageValues } from "@opencjm/core";
import en from "./messages/en.json" with { type: "json" };
import zhHant from "./messages/zh-Hant.json" with { type: "json" };
import zhHans from "./messages/zh-Hans.json" with { type: "json" };
import ru from "./messages/ru.json" with { type: "json" };
import fa from "./messages/fa.json" with { type: "json" };

/** A key of the e-mail catalogue, typed from the English file. */
export type MailMessageKey = keyof typeof en;

// The words of the e-mails the server sends, one JSON file per language like the web's catalogues.
const MAIL_CATALOGUE: Record<Locale, Record<MailMessageKey, string>> = {
  en,
  "zh-Hant": zhHant,
  "zh-Hans": zhHans,
  ru,
  fa,
};

/** An e-mail sentence in a language with its placeholders filled (English when the language lacks it). */
export function mailText(locale: Locale, key: MailMessageKey, values: MessageValues = {}): string {
  return formatMessage(MAIL_CATALOGUE[locale][key] ?? en[key], values, cachedLanguageRules(locale));
}
