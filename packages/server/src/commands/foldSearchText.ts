/**
 * Folds text for insight search, the same way for what is stored and what is asked: compatibility forms unified
 * (full-width Latin, ligatures), lower case in every script, Arabic yeh and kaf read as the Persian letters, and the
 * zero-width (non-)joiner Persian writers use or leave out dropped. Matching is then by substring, so Chinese, which
 * has no spaces between words, matches inside a sentence.
 */
export function foldSearchText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064A\u0649]/g, "\u06CC")
    .replace(/\u0643/g, "\u06A9")
    .replace(/[\u200C\u200D]/g, "")
    .replace(/\s+/g, " ");
}

/** The words of a search query, folded; quoted phrases stay whole ("too expensive"). */
export function searchTermsOf(query: string | undefined): string[] {
  if (!query) return [];
  const terms: string[] = [];
  for (const match of foldSearchText(query).matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? "").trim();
    if (term) terms.push(term);
  }
  return terms.slice(0, 10);
}
