/** A change that people on a map should hear about at once, without it being part of the map's document. */
export interface MapSignal {
  mapId: string;
  /** What the socket sends: small, and only what a client needs to refetch (never the changed content itself). */
  message: { type: "comments"; threadId: string };
}

/**
 * Tells the collaboration server that something beside a map's document changed (a comment thread), so it can send a
 * stateless message to that map's connections. Several instances pass their own signals on over the cluster bus
 * (cluster/bridgeToCluster.ts), like AccessChanges.
 */
export class MapSignals {
  private readonly listeners = new Set<(signal: MapSignal) => void>();
  private readonly localListeners = new Set<(signal: MapSignal) => void>();

  /** Runs `listener` for every signal, this instance's and other instances'; returns the unsubscribe function. */
  subscribe(listener: (signal: MapSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `listener` for this instance's own signals only (to pass them on to the others). */
  onLocalSignal(listener: (signal: MapSignal) => void): () => void {
    this.localListeners.add(listener);
    return () => this.localListeners.delete(listener);
  }

  /** A thread of the map was created, answered, edited, resolved, reopened or deleted. */
  commentsChanged(mapId: string, threadId: string): void {
    const signal: MapSignal = { mapId, message: { type: "comments", threadId } };
    for (const listener of this.localListeners) listener(signal);
    this.deliver(signal);
  }

  /** Tells this instance's listeners a signal (its own, or one heard from another instance). */
  deliver(signal: MapSignal): void {
    for (const listener of this.listeners) {
      try {
        listener(signal);
      } catch (err) {
        console.error("map signal listener failed:", err instanceof Error ? err.message : err);
      }
    }
  }
}
