/** Largest node count for which edges are indexed by a dense from × to matrix; beyond it a hash map is used. */
const DENSE_LIMIT = 1024;

/** Directly-follows edges between path nodes: count, distinct customers and summed time, indexed compactly. */
export class EdgeTable {
  private readonly dense: Int32Array | undefined;
  private readonly sparse = new Map<number, number>();
  from: number[] = [];
  to: number[] = [];
  count: number[] = [];
  customers: number[] = [];
  durationMs: number[] = [];
  /** Last customer counted per edge, so customers are counted once per edge. */
  private lastCustomer: number[] = [];

  constructor(readonly nodeCount: number) {
    if (nodeCount <= DENSE_LIMIT) this.dense = new Int32Array(nodeCount * nodeCount).fill(-1);
  }

  /** Records one transition `a → b` by `customer` that took `ms`. */
  add(a: number, b: number, customer: number, ms: number): void {
    const cell = a * this.nodeCount + b;
    let e = this.dense ? this.dense[cell]! : (this.sparse.get(cell) ?? -1);
    if (e < 0) {
      e = this.from.length;
      if (this.dense) this.dense[cell] = e;
      else this.sparse.set(cell, e);
      this.from.push(a);
      this.to.push(b);
      this.count.push(0);
      this.customers.push(0);
      this.durationMs.push(0);
      this.lastCustomer.push(-1);
    }
    this.count[e]!++;
    this.durationMs[e]! += ms;
    if (this.lastCustomer[e] !== customer) {
      this.lastCustomer[e] = customer;
      this.customers[e]!++;
    }
  }
}
