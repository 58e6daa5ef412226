/** Listeners grouped by topic, so a change to one cell wakes only the component showing that cell. */
export class TopicEmitter {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Calls `listener` whenever `topic` is emitted; returns the unsubscribe function. */
  subscribe(topic: string, listener: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(topic);
    };
  }

  /** Wakes every listener of the topic. */
  emit(topic: string): void {
    const set = this.listeners.get(topic);
    if (!set) return;
    // A listener may unsubscribe while we iterate (a cell unmounting): iterate over a copy.
    for (const listener of [...set]) listener();
  }
}
