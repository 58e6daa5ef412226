/**
 * Counts customers per path variant (a node sequence) without building a string per customer: sequences are hashed
 * into an open-addressing table of typed arrays, stored once in a shared pool and compared in full on a hash hit, so
 * a hash collision never merges two variants.
 */
export class VariantTable {
  /** Slot → variant index + 1 (0: empty). */
  private slots = new Int32Array(1 << 12);
  private slotHash = new Float64Array(1 << 12);
  pool = new Int32Array(1 << 12);
  poolLength = 0;
  starts = new Int32Array(1 << 10);
  lengths = new Int32Array(1 << 10);
  counts = new Float64Array(1 << 10);
  private hashes = new Float64Array(1 << 10);
  size = 0;

  /** Adds `weight` customers with the sequence `seq[0…n)` whose hash (see hashSequence) is `hash`. */
  add(seq: Int32Array, n: number, hash: number, weight = 1): void {
    const mask = this.slots.length - 1;
    let slot = (hash % 0x40000000 ^ Math.floor(hash / 0x40000000)) & mask;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) break;
      if (this.slotHash[slot] === hash && this.same(v - 1, seq, n)) {
        this.counts[v - 1]! += weight;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const v = this.insert(seq, n, hash, weight);
    this.slots[slot] = v + 1;
    this.slotHash[slot] = hash;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  /** The sequence of variant `v`. */
  sequence(v: number): Int32Array {
    return this.pool.subarray(this.starts[v]!, this.starts[v]! + this.lengths[v]!);
  }

  private same(v: number, seq: Int32Array, n: number): boolean {
    if (this.lengths[v] !== n) return false;
    const start = this.starts[v]!;
    for (let i = 0; i < n; i++) if (this.pool[start + i] !== seq[i]) return false;
    return true;
  }

  private insert(seq: Int32Array, n: number, hash: number, weight: number): number {
    if (this.poolLength + n > this.pool.length) this.pool = grow(this.pool, this.poolLength + n);
    this.pool.set(seq.subarray(0, n), this.poolLength);
    if (this.size === this.counts.length) {
      this.starts = grow(this.starts, this.size + 1);
      this.lengths = grow(this.lengths, this.size + 1);
      this.counts = grow(this.counts, this.size + 1);
      this.hashes = grow(this.hashes, this.size + 1);
    }
    const v = this.size++;
    this.starts[v] = this.poolLength;
    this.lengths[v] = n;
    this.counts[v] = weight;
    this.hashes[v] = hash;
    this.poolLength += n;
    return v;
  }

  private rehash(): void {
    const capacity = this.slots.length * 2;
    this.slots = new Int32Array(capacity);
    this.slotHash = new Float64Array(capacity);
    const mask = capacity - 1;
    for (let v = 0; v < this.size; v++) {
      const hash = this.hashes[v]!;
      let slot = (hash % 0x40000000 ^ Math.floor(hash / 0x40000000)) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = v + 1;
      this.slotHash[slot] = hash;
    }
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, atLeast: number): T {
  const grown = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, atLeast));
  grown.set(a);
  return grown;
}

/** Hash of a node sequence, the same one the kernel computes incrementally (FNV-1a style over 32-bit values, two lanes). */
export function hashSequence(seq: Int32Array, n: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < n; i++) {
    h1 = Math.imul(h1 ^ seq[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ (seq[i]! + 0x9e3779b9), 0x85ebca6b);
  }
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11);
}
