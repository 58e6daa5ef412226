/** A change that people on a map should hear about at once, without it being part of the map's document. */
export interface MapSignal {
  mapId: string;
  /** What the socket sends: small, and only what a client needs to refetch (never the changed content itself). */
  message: { type: "comments"; threadId: string };
}

/**
 * Tells the collaboration server that something beside a map's document changed (a comment thread), so it can send a
 * stateless message to that map's connections. In-process, like AccessChanges: several server instances would carry
 * it over their shared message bus.
 */
export class MapSignals {
  private readonly listeners = new Set<(signal: MapSignal) => void>();

  /** Runs `listener` for every signal; returns the unsubscribe function. */
  subscribe(listener: (signal: MapSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A thread of the map was created, answered, edited, resolved, reopened or deleted. */
  commentsChanged(mapId: string, threadId: string): void {
    for (const listener of this.listeners) {
      try {
        listener({ mapId, message: { type: "comments", threadId } });
      } catch (err) {
        console.error("map signal listener failed:", err instanceof Error ? err.message : err);
      }
    }
  }
}
