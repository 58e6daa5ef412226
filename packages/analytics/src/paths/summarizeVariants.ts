/** Customers per path variant, sorted by hash: variant v has hash (h1[v], h2[v]), `count[v]` customers, and `customer[v]` (the lowest customer number) as an example. */
export interface VariantRuns {
  h1: Uint32Array;
  h2: Uint32Array;
  count: Float64Array;
  customer: Int32Array;
}

/** What the path views need of all variants: how many there are, the customers with a path, and the most frequent. */
export interface VariantSummary {
  distinct: number;
  withPath: number;
  /** The `n` most frequent variants, most frequent first; ties go to the lowest example customer. */
  top: Array<{ count: number; customer: number }>;
}

/**
 * Summarises the sorted variant runs of several customer ranges in one streaming merge: equal hashes across ranges are
 * one variant (counts add up, the lowest example customer stays). Nothing of the merged list is written out: only the
 * count, the total and a bounded candidate list of the top `n` are kept, since there can be one variant per customer.
 */
export function summarizeVariants(parts: readonly VariantRuns[], n: number): VariantSummary {
  if (parts.length === 2) return summarizeTwo(parts[0]!, parts[1]!, n);
  const k = parts.length;
  const at = new Int32Array(k);
  const top: VariantSummary["top"] = [];
  let distinct = 0;
  let withPath = 0;
  for (;;) {
    // The smallest hash among the ranges' cursors.
    let lead = -1;
    for (let p = 0; p < k; p++) {
      const part = parts[p]!;
      const i = at[p]!;
      if (i >= part.h1.length) continue;
      if (lead < 0) {
        lead = p;
        continue;
      }
      const q = parts[lead]!;
      const j = at[lead]!;
      if (part.h1[i]! < q.h1[j]! || (part.h1[i] === q.h1[j] && part.h2[i]! < q.h2[j]!)) lead = p;
    }
    if (lead < 0) break;
    const x = parts[lead]!.h1[at[lead]!]!;
    const y = parts[lead]!.h2[at[lead]!]!;
    let count = 0;
    let customer = Infinity;
    for (let p = 0; p < k; p++) {
      const part = parts[p]!;
      const i = at[p]!;
      if (i < part.h1.length && part.h1[i] === x && part.h2[i] === y) {
        count += part.count[i]!;
        customer = Math.min(customer, part.customer[i]!);
        at[p] = i + 1;
      }
    }
    distinct++;
    withPath += count;
    offerTop(top, n, count, customer);
  }
  return { distinct, withPath, top };
}

/**
 * The same for two ranges (one per worker thread on two cores), as a plain two-way merge: the general loop over the
 * ranges' cursors cost about twice as much per variant, and there are up to a million variants.
 */
function summarizeTwo(a: VariantRuns, b: VariantRuns, n: number): VariantSummary {
  const top: VariantSummary["top"] = [];
  const na = a.h1.length;
  const nb = b.h1.length;
  let i = 0;
  let j = 0;
  let distinct = 0;
  let withPath = 0;
  // Most variants are followed by one customer: those below the current n-th best are passed over without a call.
  let least = n > 0 ? 0 : Infinity;
  while (i < na || j < nb) {
    let count: number;
    let customer: number;
    const fromA = j >= nb || (i < na && (a.h1[i]! < b.h1[j]! || (a.h1[i] === b.h1[j] && a.h2[i]! <= b.h2[j]!)));
    if (!fromA) {
      count = b.count[j]!;
      customer = b.customer[j++]!;
    } else if (j < nb && a.h1[i] === b.h1[j] && a.h2[i] === b.h2[j]) {
      count = a.count[i]! + b.count[j]!;
      customer = Math.min(a.customer[i++]!, b.customer[j++]!);
    } else {
      count = a.count[i]!;
      customer = a.customer[i++]!;
    }
    distinct++;
    withPath += count;
    if (count >= least) {
      offerTop(top, n, count, customer);
      if (top.length === n) least = top[n - 1]!.count;
    }
  }
  return { distinct, withPath, top };
}

/** Keeps `top` the `n` best variants seen so far, best first (more customers, then the lower example customer). */
export function offerTop(top: VariantSummary["top"], n: number, count: number, customer: number): void {
  if (n <= 0) return;
  if (top.length === n) {
    const last = top[n - 1]!;
    if (count < last.count || (count === last.count && customer > last.customer)) return;
  }
  let i = top.length;
  while (i > 0 && (count > top[i - 1]!.count || (count === top[i - 1]!.count && customer < top[i - 1]!.customer))) i--;
  top.splice(i, 0, { count, customer });
  if (top.length > n) top.pop();
}
