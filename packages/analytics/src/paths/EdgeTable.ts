/** Node counts up to which edges live in dense from × to arrays; beyond it, a hash map of compact edges. */
const DENSE_LIMIT = 256;

/** Directly-follows edges between path nodes: count, distinct customers and summed time. */
export class EdgeTable {
  private readonly dense: boolean;
  /**
   * Per cell, side by side so one edge touches one cache line: its count, the last customer counted (so customers are
   * counted once per edge) and its customers. 32-bit counts hold any one kernel range (ranges hold under 2³¹ events).
   */
  private readonly cellCounters: Int32Array;
  private readonly cellDuration: Float64Array;
  private readonly sparse = new Map<number, number>();

  constructor(readonly nodeCount: number) {
    this.dense = nodeCount <= DENSE_LIMIT;
    const cells = this.dense ? nodeCount * nodeCount : 0;
    this.cellCounters = new Int32Array(cells * 4);
    for (let cell = 0; cell < cells; cell++) this.cellCounters[cell * 4 + 1] = -1;
    this.cellDuration = new Float64Array(cells);
  }

  private sparseFrom: number[] = [];
  private sparseTo: number[] = [];
  private sparseCount: number[] = [];
  private sparseCustomers: number[] = [];
  private sparseDuration: number[] = [];
  private sparseLast: number[] = [];

  /** Records one transition `a → b` by `customer` that took `ms`. */
  add(a: number, b: number, customer: number, ms: number): void {
    const cell = a * this.nodeCount + b;
    if (this.dense) {
      const counters = this.cellCounters;
      const at = cell << 2;
      counters[at]!++;
      this.cellDuration[cell]! += ms;
      if (counters[at + 1] !== customer) {
        counters[at + 1] = customer;
        counters[at + 2]!++;
      }
      return;
    }
    let e = this.sparse.get(cell);
    if (e === undefined) {
      e = this.sparseFrom.push(a) - 1;
      this.sparse.set(cell, e);
      this.sparseTo.push(b);
      this.sparseCount.push(0);
      this.sparseCustomers.push(0);
      this.sparseDuration.push(0);
      this.sparseLast.push(-1);
    }
    this.sparseCount[e]!++;
    this.sparseDuration[e]! += ms;
    if (this.sparseLast[e] !== customer) {
      this.sparseLast[e] = customer;
      this.sparseCustomers[e]!++;
    }
  }

  /** The edges seen, as parallel arrays. */
  list(): { from: Int32Array; to: Int32Array; count: Float64Array; customers: Float64Array; durationMs: Float64Array } {
    if (!this.dense) {
      return {
        from: Int32Array.from(this.sparseFrom),
        to: Int32Array.from(this.sparseTo),
        count: Float64Array.from(this.sparseCount),
        customers: Float64Array.from(this.sparseCustomers),
        durationMs: Float64Array.from(this.sparseDuration),
      };
    }
    const cells: number[] = [];
    const counters = this.cellCounters;
    for (let cell = 0; cell < this.cellDuration.length; cell++) if (counters[cell << 2]! > 0) cells.push(cell);
    return {
      from: Int32Array.from(cells, (c) => Math.floor(c / this.nodeCount)),
      to: Int32Array.from(cells, (c) => c % this.nodeCount),
      count: Float64Array.from(cells, (c) => counters[c << 2]!),
      customers: Float64Array.from(cells, (c) => counters[(c << 2) + 2]!),
      durationMs: Float64Array.from(cells, (c) => this.cellDuration[c]!),
    };
  }
}
