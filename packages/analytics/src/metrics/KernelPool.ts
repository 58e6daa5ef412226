import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { VariantSummary } from "../paths/summarizeVariants.js";
import type { KernelWorkerRequest } from "./kernelWorker.js";
import type { KernelPlan } from "./KernelPlan.js";
import { wireBuffers, type PartialWire } from "./mergeKernelPartials.js";
import type { KernelColumns } from "./KernelColumns.js";

/** A worker's answer to a task: a range's partial result, a share of the variants' summary, or an error. */
interface Reply {
  task: number;
  wire?: PartialWire;
  summary?: VariantSummary;
  copied?: Array<[Float64Array, Float64Array]>;
  error?: string;
}

interface Pending {
  resolve(reply: Reply): void;
  reject(err: Error): void;
}

/** Exchanges lent to no run are dropped after this long, so an idle server gives the memory back. */
const EXCHANGE_IDLE_MS = 60_000;

/** A kernel worker thread and the store columns it holds. */
interface PoolWorker {
  worker: Worker;
  columnsKey: string | undefined;
  busy: number;
}

/**
 * Worker threads that run the journey kernel over customer ranges in parallel, one per core (at most four). The
 * store's columns live on SharedArrayBuffers, so each worker gets them once per store generation without a copy.
 * Idle workers do not keep the process alive.
 */
export class KernelPool {
  private readonly workers: Array<PoolWorker | undefined> = [];
  private readonly pending = new Map<number, Pending>();
  private nextTask = 0;

  private constructor(
    private readonly script: URL,
    readonly size: number,
  ) {}

  /** The pool, when the compiled worker script is present (it is not when running from TypeScript sources). */
  static create(): KernelPool | undefined {
    const script = new URL("./kernelWorker.js", import.meta.url);
    if (!existsSync(fileURLToPath(script))) return undefined;
    return new KernelPool(script, Math.max(1, Math.min(4, availableParallelism())));
  }

  /** Which worker sent each partial result, so that its buffers can go back to it (recycle). */
  private readonly sender = new WeakMap<PartialWire, Worker>();

  /**
   * Runs the kernel over each range on the workers and returns the partial results in range order; range i leaves its
   * path variants in `exchanges[i]`, in 2^`bits` buckets (see variantExchange.ts).
   */
  run(
    key: string,
    columns: KernelColumns,
    plan: KernelPlan,
    ranges: Array<[number, number]>,
    exchanges: SharedArrayBuffer[],
    bits: number,
  ): Promise<PartialWire[]> {
    return Promise.all(
      ranges.map(async ([from, to], i) => {
        const pw = this.worker(i % this.size);
        if (pw.columnsKey !== key) {
          pw.worker.postMessage({ type: "columns", key, columns } satisfies KernelWorkerRequest);
          pw.columnsKey = key;
        }
        const exchange = exchanges[i]!;
        let runTask = -1;
        const { wire } = await this.task(pw, (task) => {
          runTask = task;
          return { type: "run", task, key, plan, from, to, exchange, bits };
        });
        this.sender.set(wire!, pw.worker);
        this.origin.set(wire!, { pw, task: runTask });
        return wire!;
      }),
    );
  }

  /**
   * Summarises the path variants the ranges left in `exchanges`, worker p taking buckets bounds[p] … bounds[p+1]-1,
   * each keeping its `top` best; the summaries come back in that order.
   */
  summarize(exchanges: SharedArrayBuffer[], bounds: number[], top: number): Promise<VariantSummary[]> {
    const parts: Array<Promise<VariantSummary>> = [];
    for (let p = 0; p + 1 < bounds.length; p++) {
      const [from, to] = [bounds[p]!, bounds[p + 1]!];
      const pw = this.worker(p % this.size);
      parts.push(
        this.task(pw, (task) => ({ type: "variants", task, exchanges, from, to, top })).then((r) => r.summary!),
      );
    }
    return Promise.all(parts);
  }

  /** Which worker ran each partial result, and as which task: its durations stay there (see copyDurations). */
  private readonly origin = new WeakMap<PartialWire, { pw: PoolWorker; task: number }>();

  /**
   * Per partial result, the durations of each of its lists that `wanted` asks for (durationQuantiles' wantedRanges),
   * copied out by the worker that holds them; each partial's durations can be asked for once.
   */
  copyDurations(wires: PartialWire[], wanted: Float64Array): Promise<Array<Array<[Float64Array, Float64Array]>>> {
    return Promise.all(
      wires.map(async (wire) => {
        const origin = this.origin.get(wire);
        if (!origin) throw new Error("kernel partial from no worker of this pool");
        const reply = await this.task(origin.pw, (task) => ({ type: "durations", task, of: origin.task, wanted }));
        return reply.copied!;
      }),
    );
  }

  /** Sends one task to a worker, keeping the worker referenced while it has tasks. */
  private task(pw: PoolWorker, request: (task: number) => KernelWorkerRequest): Promise<Reply> {
    const task = this.nextTask++;
    if (pw.busy++ === 0) pw.worker.ref();
    return new Promise<Reply>((resolve, reject) => {
      const done = () => {
        if (--pw.busy === 0) pw.worker.unref();
      };
      this.pending.set(task, { resolve: (r) => (done(), resolve(r)), reject: (e) => (done(), reject(e)) });
      pw.worker.postMessage(request(task));
    });
  }

  /** Exchange buffers no run holds; runs borrow them, since fresh memory costs a page fault per page written. */
  private readonly spareExchanges: SharedArrayBuffer[] = [];
  private exchangeTimer: ReturnType<typeof setTimeout> | undefined;

  /** A shared buffer of at least `bytes` bytes for one range's variants, to be handed back by giveExchange. */
  takeExchange(bytes: number): SharedArrayBuffer {
    let best = -1;
    this.spareExchanges.forEach((b, i) => {
      if (b.byteLength >= bytes && (best < 0 || b.byteLength < this.spareExchanges[best]!.byteLength)) best = i;
    });
    if (best < 0) return new SharedArrayBuffer(bytes);
    return this.spareExchanges.splice(best, 1)[0]!;
  }

  /** Takes back an exchange whose run has ended (no worker writes or reads it any more). */
  giveExchange(buffer: SharedArrayBuffer): void {
    this.spareExchanges.push(buffer);
    // Kept for the next run, at most one per worker and range of a run.
    if (this.spareExchanges.length > 2 * this.size) this.spareExchanges.shift();
    if (this.exchangeTimer) clearTimeout(this.exchangeTimer);
    this.exchangeTimer = setTimeout(() => (this.spareExchanges.length = 0), EXCHANGE_IDLE_MS);
    this.exchangeTimer.unref();
  }

  /**
   * Hands the buffers of partial results nobody reads any more back to the workers that sent them, to reuse in their
   * next runs instead of fresh memory (see spareBuffers). The buffers are transferred: the caller must not touch them.
   */
  recycle(wires: readonly PartialWire[]): void {
    for (const wire of wires) {
      const worker = this.sender.get(wire);
      if (!worker || !this.workers.some((pw) => pw?.worker === worker)) continue;
      const buffers = wireBuffers(wire);
      worker.postMessage({ type: "recycle", buffers } satisfies KernelWorkerRequest, buffers);
    }
  }

  private worker(i: number): PoolWorker {
    let pw = this.workers[i];
    if (pw) return pw;
    const worker = new Worker(this.script);
    worker.unref();
    pw = { worker, columnsKey: undefined, busy: 0 };
    this.workers[i] = pw;
    worker.on("message", (m: Reply) => {
      const p = this.pending.get(m.task);
      if (!p) return;
      this.pending.delete(m.task);
      if (m.error === undefined) p.resolve(m);
      else p.reject(new Error(m.error));
    });
    const fail = (err: Error) => {
      // A crashed worker takes its tasks with it; the next run starts a fresh one.
      if (this.workers[i]?.worker === worker) this.workers[i] = undefined;
      for (const [task, p] of this.pending) {
        this.pending.delete(task);
        p.reject(err);
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => code !== 0 && fail(new Error(`kernel worker exited with code ${code}`)));
    return pw;
  }
}
