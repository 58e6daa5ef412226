// The number format and plural rules of each language, made once per page: every catalogue built for a language (the
// app's, a view shown in another language, a change of language and back) shares them. The first number format a
// page makes loads the browser's language data (20–50 ms of a newcomer's main thread, measured in the editor's first
// render); a second one of the same language costs little, but nothing at all is better on a screen's first render.
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** The language's plain number format (Persian digits in Persian), shared by every caller. */
export function numberFormatOf(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

/** The language's plural rules, shared by every caller. */
export function pluralRulesOf(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}
