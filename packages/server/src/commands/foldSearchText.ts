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

/**
 * Folds text as foldSearchText does, one character at a time, keeping for each folded character the position of the
 * character it came from, so a match found in the folded text can be shown in the original.
 */
export function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  let folded = "";
  const origins: number[] = [];
  let index = 0;
  for (const char of text) {
    const at = index;
    index += char.length;
    if (/\s/.test(char)) {
      if (!folded.endsWith(" ")) {
        folded += " ";
        origins.push(at);
      }
      continue;
    }
    for (const part of foldSearchText(char)) {
      folded += part;
      for (let i = 0; i < part.length; i++) origins.push(at);
    }
  }
  origins.push(text.length);
  return { folded, origins };
}
