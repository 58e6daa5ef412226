/** Puts the k-th smallest value (0-based) of a[lo…hi] at index k, smaller ones before it (Hoare selection). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot keeps sorted and constant inputs linear.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Median and 90th percentile by the nearest-rank method: the ⌈n/2⌉-th and ⌈9n/10⌉-th smallest values (so both are
 * values that occurred). Linear time; works on a copy unless `reorder` allows it to reorder `values` in place.
 */
export function durationQuantiles(values: Float64Array, reorder = false): { count: number; medianMs: number | null; p90Ms: number | null } {
  const n = values.length;
  if (n === 0) return { count: 0, medianMs: null, p90Ms: null };
  const a = reorder ? values : values.slice();
  const p90 = Math.floor((9 * n + 9) / 10) - 1;
  const median = Math.floor((n + 1) / 2) - 1;
  select(a, p90, 0, n - 1);
  const p90Value = a[p90]!;
  select(a, median, 0, p90);
  return { count: n, medianMs: a[median]!, p90Ms: p90Value };
}
