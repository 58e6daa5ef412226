import {
  LOCALES,
  sharedMessage,
  translate,
  type ExportMessageKey,
  type Locale,
  type MapType,
  type VocabularyKey,
} from "@opencjm/core";

/**
 * A word exports print around the user's content: one only exports print (core's `exports` catalogue) or one the
 * screen shows too (core's `vocabulary`, the very entry the web app reads), so a file and the screen agree.
 */
export type ExportLabel = ExportMessageKey | VocabularyKey;

const isExportsKey = (key: ExportLabel): key is ExportMessageKey => sharedMessage("en", "exports", key) !== undefined;

/** A label in a language, with `{name}` placeholders filled in (numbers as written, like the user's content). */
export function exportLabel(locale: Locale, key: ExportLabel, values: Record<string, string | number> = {}): string {
  const text = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
  return isExportsKey(key) ? translate(locale, "exports", key, text) : translate(locale, "vocabulary", key, text);
}

// Words files exported before the exports took the screen's words, so the importers still read them.
const EARLIER_WORDS: Partial<Record<ExportLabel, string[]>> = {
  failurePoint: ["failure point", "失败点", "точка отказа", "نقطه شکست"],
  waitPoint: ["wait point", "точка ожидания", "نقطه انتظار"],
};

/** Every translation of a label, for importers that accept a header or word in any language. */
export function exportLabelVariants(key: ExportLabel): string[] {
  return [...LOCALES.map((locale) => exportLabel(locale, key)), ...(EARLIER_WORDS[key] ?? [])];
}

/** The name of a map type in a language. */
export function mapTypeName(type: MapType, locale: Locale): string {
  return translate(locale, "vocabulary", `mapType.${type}`);
}

/** The name of a map status in a language (the raw status when unknown). */
export function mapStatusName(status: string, locale: Locale): string {
  const key = `mapStatus.${status}`;
  return sharedMessage("en", "vocabulary", key) === undefined
    ? status
    : translate(locale, "vocabulary", key as VocabularyKey);
}

/** The name of an evidence level in a language. */
export function evidenceName(level: string, locale: Locale): string {
  const key = `evidence.${level}`;
  return sharedMessage("en", "vocabulary", key) === undefined
    ? level
    : translate(locale, "vocabulary", key as VocabularyKey);
}
