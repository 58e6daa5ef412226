/**
 * Counts customers per path variant (a node sequence) without building a string per customer: sequences are hashed,
 * stored once in a shared pool and compared in full on a hash hit, so a hash collision never merges two variants.
 */
export class VariantTable {
  private readonly byHash = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  pool = new Int32Array(1024);
  poolLength = 0;
  starts: number[] = [];
  lengths: number[] = [];
  counts: number[] = [];

  /** Adds one customer with the sequence `seq[0…n)` whose hash is `hash`. */
  add(seq: Int32Array, n: number, hash: number, weight = 1): void {
    const hit = this.byHash.get(hash);
    if (hit !== undefined) {
      if (this.same(hit, seq, n)) {
        this.counts[hit]! += weight;
        return;
      }
      // A genuine hash collision: fall back to an exact text key for this sequence.
      const text = Array.prototype.join.call(seq.subarray(0, n), ",");
      const exact = this.byText.get(text);
      if (exact !== undefined) this.counts[exact]! += weight;
      else this.byText.set(text, this.insert(seq, n, weight));
      return;
    }
    this.byHash.set(hash, this.insert(seq, n, weight));
  }

  /** The sequence of variant `v`. */
  sequence(v: number): Int32Array {
    return this.pool.subarray(this.starts[v]!, this.starts[v]! + this.lengths[v]!);
  }

  get size(): number {
    return this.counts.length;
  }

  private same(v: number, seq: Int32Array, n: number): boolean {
    if (this.lengths[v] !== n) return false;
    const start = this.starts[v]!;
    for (let i = 0; i < n; i++) if (this.pool[start + i] !== seq[i]) return false;
    return true;
  }

  private insert(seq: Int32Array, n: number, weight: number): number {
    if (this.poolLength + n > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.poolLength + n));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.pool.set(seq.subarray(0, n), this.poolLength);
    this.starts.push(this.poolLength);
    this.lengths.push(n);
    this.counts.push(weight);
    this.poolLength += n;
    return this.counts.length - 1;
  }
}

/** Hash of a node sequence, the same one the kernel computes incrementally (FNV-1a over 32-bit values, two lanes). */
export function hashSequence(seq: Int32Array, n: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < n; i++) {
    h1 = Math.imul(h1 ^ seq[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ (seq[i]! + 0x9e3779b9), 0x85ebca6b);
  }
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11);
}
