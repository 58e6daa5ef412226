/** Keeps the two strongest quotes of one sign in slots `base`, `base+1` (stronger first; earlier wins a tie; one per text). */
export function offerQuote(
  sentiments: Float64Array,
  positions: Float64Array,
  texts: Float64Array,
  base: number,
  sentiment: number,
  position: number,
  id: number,
): void {
  const b = base + 1;
  if ((positions[base]! >= 0 && texts[base] === id) || (positions[b]! >= 0 && texts[b] === id)) return;
  const stronger = (slot: number) => positions[slot]! < 0 || Math.abs(sentiment) > Math.abs(sentiments[slot]!);
  if (stronger(base)) {
    sentiments[b] = sentiments[base]!;
    positions[b] = positions[base]!;
    texts[b] = texts[base]!;
    sentiments[base] = sentiment;
    positions[base] = position;
    texts[base] = id;
  } else if (stronger(b)) {
    sentiments[b] = sentiment;
    positions[b] = position;
    texts[b] = id;
  }
}
