import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { KernelWorkerRequest } from "./kernelWorker.js";
import type { KernelPlan } from "./KernelPlan.js";
import { wireBuffers, type PartialWire } from "./mergeKernelPartials.js";
import type { KernelColumns } from "./KernelColumns.js";

interface Pending {
  resolve(wire: PartialWire): void;
  reject(err: Error): void;
}

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

  /** Runs the kernel over each range on the workers and returns the partial results in range order. */
  run(key: string, columns: KernelColumns, plan: KernelPlan, ranges: Array<[number, number]>): Promise<PartialWire[]> {
    return Promise.all(
      ranges.map(([from, to], i) => {
        const pw = this.worker(i % this.size);
        if (pw.columnsKey !== key) {
          pw.worker.postMessage({ type: "columns", key, columns } satisfies KernelWorkerRequest);
          pw.columnsKey = key;
        }
        const task = this.nextTask++;
        if (pw.busy++ === 0) pw.worker.ref();
        return new Promise<PartialWire>((resolve, reject) => {
          const done = () => {
            if (--pw.busy === 0) pw.worker.unref();
          };
          const resolveWire = (wire: PartialWire) => {
            done();
            this.sender.set(wire, pw.worker);
            resolve(wire);
          };
          this.pending.set(task, { resolve: resolveWire, reject: (e) => (done(), reject(e)) });
          pw.worker.postMessage({ type: "run", task, key, plan, from, to } satisfies KernelWorkerRequest);
        });
      }),
    );
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
    worker.on("message", (m: { task: number; wire?: PartialWire; error?: string }) => {
      const p = this.pending.get(m.task);
      if (!p) return;
      this.pending.delete(m.task);
      if (m.wire) p.resolve(m.wire);
      else p.reject(new Error(m.error ?? "kernel worker failed"));
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
