import { LANGUAGE_COUNT, QUOTE_SLOTS, type KernelPartial } from "./KernelPartial.js";
import type { KernelColumns } from "./KernelColumns.js";
import { offerQuote } from "./offerQuote.js";

// Scores and texts of events at a step. Few events carry either, so these run outside the kernel's event loop; they
// take indexes only, so no number is boxed when a call is not inlined.

/** Adds score `sc` (of an event at step `s`) to the step's sums, and NPS promoters (9–10) and detractors (0–6). */
export function addStepScore(columns: KernelColumns, out: KernelPartial, s: number, sc: number): void {
  const kind = columns.scoreKind[sc]!;
  const v = columns.scoreValue[sc]!;
  out.scoreSum[s * 3 + kind]! += v;
  out.scoreCount[s * 3 + kind]!++;
  if (kind === 1) {
    if (v >= 9) out.npsPromoters[s]!++;
    else if (v <= 6) out.npsDetractors[s]!++;
  }
}

/** Adds text `tc` (of event `i` at step `s`) to the step's sentiment and languages, and offers it as a quote. */
export function addStepText(columns: KernelColumns, out: KernelPartial, s: number, tc: number, i: number): void {
  const id = columns.textId[tc]!;
  const sentiment = columns.textSentiment[id]!;
  out.sentimentSum[s]! += sentiment;
  out.sentimentCount[s]!++;
  out.sentimentLanguages[s * LANGUAGE_COUNT + columns.textLanguage[id]!]!++;
  if (sentiment !== 0)
    offerQuote(
      out.quoteSentiment,
      out.quotePosition,
      out.quoteText,
      s * QUOTE_SLOTS + (sentiment < 0 ? 0 : 2),
      sentiment,
      i,
      id,
    );
}
