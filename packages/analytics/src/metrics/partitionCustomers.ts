/**
 * Splits customers 0…n-1 into at most `parts` contiguous ranges holding about the same number of events, so worker
 * threads finish together. Returns range boundaries: range i is customers bounds[i] … bounds[i+1]-1.
 */
export function partitionCustomers(offsets: Int32Array, parts: number): number[] {
  const n = offsets.length - 1;
  const total = offsets[n] ?? 0;
  const bounds = [0];
  for (let p = 1; p < parts; p++) {
    const target = Math.round((total * p) / parts);
    // First customer whose events start at or after the target.
    let lo = bounds.at(-1)!;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offsets[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    if (lo > bounds.at(-1)! && lo < n) bounds.push(lo);
  }
  bounds.push(n);
  return bounds;
}
