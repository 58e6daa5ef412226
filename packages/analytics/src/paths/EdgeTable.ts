/** Node counts up to which edges live in dense from × to arrays; beyond it, a hash map of compact edges. */
const DENSE_LIMIT = 256;

/** Directly-follows edges between path nodes: count, distinct customers and summed time. */
export class EdgeTable {
  private readonly dense: boolean;
  private readonly cellCount: Float64Array;
  private readonly cellCustomers: Float64Array;
  private readonly cellDuration: Float64Array;
  /** Last customer counted per cell, so customers are counted once per edge. */
  private readonly cellLast: Int32Array;
  private readonly sparse = new Map<number, number>();

  constructor(readonly nodeCount: number) {
    this.dense = nodeCount <= DENSE_LIMIT;
    const cells = this.dense ? nodeCount * nodeCount : 0;
    this.cellCount = new Float64Array(cells);
    this.cellCustomers = new Float64Array(cells);
    this.cellDuration = new Float64Array(cells);
    this.cellLast = new Int32Array(cells).fill(-1);
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
      this.cellCount[cell]!++;
      this.cellDuration[cell]! += ms;
      if (this.cellLast[cell] !== customer) {
        this.cellLast[cell] = customer;
        this.cellCustomers[cell]!++;
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
    for (let cell = 0; cell < this.cellCount.length; cell++) if (this.cellCount[cell]! > 0) cells.push(cell);
    return {
      from: Int32Array.from(cells, (c) => Math.floor(c / this.nodeCount)),
      to: Int32Array.from(cells, (c) => c % this.nodeCount),
      count: Float64Array.from(cells, (c) => this.cellCount[c]!),
      customers: Float64Array.from(cells, (c) => this.cellCustomers[c]!),
      durationMs: Float64Array.from(cells, (c) => this.cellDuration[c]!),
    };
  }
}
