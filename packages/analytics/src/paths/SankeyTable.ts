/** Largest number of (depth, from, to) cells kept in a dense array; beyond it, a hash map. */
const DENSE_CELLS = 1 << 20;

/** Customers per Sankey link: (depth, from → to) over the first transitions of each collapsed path. */
export class SankeyTable {
  private readonly dense: Float64Array | undefined;
  private readonly sparse = new Map<number, number>();

  constructor(
    readonly nodeCount: number,
    readonly depth: number,
  ) {
    const cells = depth * nodeCount * nodeCount;
    if (cells <= DENSE_CELLS) this.dense = new Float64Array(cells);
  }

  /** Counts one customer moving from `a` at `depth` to `b` at depth + 1. */
  add(depth: number, a: number, b: number): void {
    const key = (depth * this.nodeCount + a) * this.nodeCount + b;
    if (this.dense) this.dense[key]!++;
    else this.sparse.set(key, (this.sparse.get(key) ?? 0) + 1);
  }

  /** Links seen, keyed (depth × N + from) × N + to. */
  entries(): { keys: Float64Array; counts: Float64Array } {
    if (!this.dense)
      return { keys: Float64Array.from(this.sparse.keys()), counts: Float64Array.from(this.sparse.values()) };
    const keys: number[] = [];
    for (let k = 0; k < this.dense.length; k++) if (this.dense[k]! > 0) keys.push(k);
    return { keys: Float64Array.from(keys), counts: Float64Array.from(keys, (k) => this.dense![k]!) };
  }
}
