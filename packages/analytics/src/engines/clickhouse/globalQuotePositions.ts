import type { KernelColumns } from "../../metrics/KernelColumns.js";
import type { PartialWire } from "../../metrics/mergeKernelPartials.js";

/** Events per customer a global position can tell apart (2^21; a customer with more events ties on later ones). */
const PER_CUSTOMER = 2 ** 21;

function customerAt(offsets: Int32Array, position: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Quotes tie-break on the earlier store position. A shard's positions are its own, so each partial's quote positions
 * are rewritten (before merging) to customer × 2^21 + index within the customer: the journey store's order across
 * shards. `localise` then turns the merged quotes' positions into indexes of a small array of their event times,
 * which is what the metrics read a quote's time from.
 */
export function globalQuotePositions(wires: PartialWire[], columns: KernelColumns[]) {
  const timeOf = new Map<number, number>();
  wires.forEach((w, s) => {
    const { offsets, ts } = columns[s]!;
    for (let j = 0; j < w.quotePosition.length; j++) {
      const p = w.quotePosition[j]!;
      if (p < 0) continue;
      const c = customerAt(offsets, p);
      const global = c * PER_CUSTOMER + Math.min(p - offsets[c]!, PER_CUSTOMER - 1);
      timeOf.set(global, ts[p]!);
      w.quotePosition[j] = global;
    }
  });
  return {
    /** Rewrites merged quote positions into indexes of the returned times. */
    localise(quotePosition: Float64Array): Float64Array {
      const times: number[] = [];
      for (let j = 0; j < quotePosition.length; j++) {
        const p = quotePosition[j]!;
        if (p < 0) continue;
        quotePosition[j] = times.push(timeOf.get(p)!) - 1;
      }
      return Float64Array.from(times);
    },
  };
}
