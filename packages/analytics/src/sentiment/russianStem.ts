// Endings stripped, longest first: adjective, noun and verb inflections. A light stemmer, not Snowball: it only needs
// to bring «медленная», «медленного» and «медленный» to one key for a word-list lookup.
const ENDINGS = [
  "ыми", "ими", "ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю",
  "ым", "им", "ом", "ем", "ых", "их", "ах", "ях", "ам", "ям", "ов", "ев", "ешь", "ишь", "ете", "ите", "ет", "ит",
  "ут", "ют", "ат", "ят", "ла", "ло", "ли", "ть", "ал", "ил", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
];

/** The stem of a Russian word for lexicon lookups: lower-cased, reflexive suffix and one inflection removed. */
export function russianStem(word: string): string {
  let w = word.toLowerCase().replace(/ё/g, "е");
  if (w.length > 5 && (w.endsWith("ся") || w.endsWith("сь"))) w = w.slice(0, -2);
  for (const e of ENDINGS) if (w.length - e.length >= 3 && w.endsWith(e)) return w.slice(0, -e.length);
  return w;
}
