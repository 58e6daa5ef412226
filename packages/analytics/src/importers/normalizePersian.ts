// Windows-1256 has no Persian yeh (U+06CC), so legacy Persian text is written with the Arabic yeh (U+064A) or alef
// maksura (U+0649), and often with the Arabic kaf (U+0643) for keheh (U+06A9). Searching and grouping Persian text
// only works once they are one letter each.
const ARABIC_TO_PERSIAN = /[\u064A\u0649\u0643]/g;
const REPLACEMENT: Record<string, string> = { "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9" };

/** Replaces Arabic ي, ى and ك with Persian ی and ک. */
export function normalizePersian(text: string): string {
  return text.replace(ARABIC_TO_PERSIAN, (ch) => REPLACEMENT[ch] ?? ch);
}
