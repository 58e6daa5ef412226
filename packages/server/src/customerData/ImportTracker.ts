import { EventEmitter } from "node:events";
import type { ImportProgress, ImportRecord } from "@opencjm/analytics";

/** What a running (or just finished) import looks like to someone watching it. */
export type ImportUpdate =
  | { type: "progress"; importId: string; progress: ImportProgress }
  | { type: "done" | "failed"; importId: string; record: ImportRecord };

interface Tracked {
  workspaceId: string;
  last?: ImportUpdate;
  finished: boolean;
  /** Cancels the import (on request, or on shutdown). */
  controller?: AbortController;
  /** The user who started it, who may cancel it without being an editor. */
  startedBy?: string;
  settled?: Promise<unknown>;
}

// Finished imports stay watchable a little while, for a client that subscribes just after the end.
const KEEP_FINISHED_MS = 60_000;

/**
 * Live progress of the imports this server process runs, by import id, for the server-sent events endpoint. The
 * import history itself is in each workspace's event database; this only holds what is in flight.
 */
export class ImportTracker {
  private readonly imports = new Map<string, Tracked>();
  private readonly events = new EventEmitter().setMaxListeners(0);

  /** Starts tracking an import; `controller` cancels it and `settled` ends when it has (see cancelAll). */
  start(workspaceId: string, importId: string, controller?: AbortController): void {
    this.imports.set(importId, { workspaceId, finished: false, controller });
  }

  /** Remembers the promise that settles when the import has ended, for cancelAll to wait on. */
  settles(importId: string, settled: Promise<unknown>): void {
    const tracked = this.imports.get(importId);
    if (tracked) tracked.settled = settled;
  }

  /** Remembers who started the import. */
  startedBy(importId: string, userId: string): void {
    const tracked = this.imports.get(importId);
    if (tracked) tracked.startedBy = userId;
  }

  /**
   * Cancels a running import of the workspace, `reason` ("by Ana") going into its history, and waits until it has
   * rolled back. False when it is not running here (finished, or unknown).
   */
  async cancel(workspaceId: string, importId: string, reason: string): Promise<boolean> {
    const tracked = this.imports.get(importId);
    if (!tracked || tracked.workspaceId !== workspaceId || tracked.finished || !tracked.controller) return false;
    tracked.controller.abort(reason);
    await Promise.allSettled([tracked.settled]);
    return true;
  }

  /** Cancels every running import and waits until each has rolled back (on shutdown, before databases close). */
  async cancelAll(): Promise<void> {
    const running = [...this.imports.values()].filter((t) => !t.finished);
    for (const t of running) t.controller?.abort("because the server stopped");
    await Promise.allSettled(running.map((t) => t.settled));
  }

  /** Publishes an update to every watcher; `done`/`failed` ends the import. */
  publish(update: ImportUpdate): void {
    const tracked = this.imports.get(update.importId);
    if (!tracked) return;
    tracked.last = update;
    if (update.type !== "progress") {
      tracked.finished = true;
      setTimeout(() => this.imports.delete(update.importId), KEEP_FINISHED_MS).unref();
    }
    this.events.emit(update.importId, update);
  }

  /** The import's latest update and who started it, if this process runs (or just ran) it in that workspace. */
  current(
    workspaceId: string,
    importId: string,
  ): { last?: ImportUpdate; finished: boolean; startedBy?: string } | undefined {
    const tracked = this.imports.get(importId);
    return tracked && tracked.workspaceId === workspaceId
      ? { last: tracked.last, finished: tracked.finished, startedBy: tracked.startedBy }
      : undefined;
  }

  /** Calls `listener` with every later update of the import; returns the unsubscribe function. */
  subscribe(importId: string, listener: (update: ImportUpdate) => void): () => void {
    this.events.on(importId, listener);
    return () => this.events.off(importId, listener);
  }

  /** Imports still running, to wait for on shutdown. */
  running(): number {
    return [...this.imports.values()].filter((t) => !t.finished).length;
  }
}
