/** DuckDB objects whose methods run queries or read their results; appenders and data chunks stay unwrapped (hot paths). */
const TRACKED = new Set([
  "DuckDBInstance",
  "DuckDBConnection",
  "DuckDBResult",
  "DuckDBMaterializedResult",
  "DuckDBResultReader",
  "DuckDBPendingResult",
  "DuckDBPreparedStatement",
]);

function trackable(value: unknown): value is object {
  return (
    value !== null &&
    typeof value === "object" &&
    TRACKED.has((value as { constructor?: { name?: string } }).constructor?.name ?? "")
  );
}

/**
 * Wraps a DuckDB instance (or connection, result…) so that every promise its methods return — and those of the
 * connections and results they give — is counted in `inflight` until it settles. Closing a DuckDB connection while
 * one of its queries still runs deadlocks the query's thread inside DuckDB (its context lock is taken twice), which
 * leaves the process hanging; the owner waits for `inflight` to empty before closing.
 */
export function trackQueries<T extends object>(target: T, inflight: Set<Promise<unknown>>): T {
  return new Proxy(target, {
    get(object, prop) {
      const value: unknown = Reflect.get(object, prop, object);
      if (typeof value !== "function") return value;
      // Called on the real object: DuckDB's classes keep private fields a proxy cannot reach.
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (!(result instanceof Promise)) return result;
        const settled = result.then((v: unknown) => (trackable(v) ? trackQueries(v, inflight) : v));
        inflight.add(settled);
        void settled.then(
          () => inflight.delete(settled),
          () => inflight.delete(settled),
        );
        return settled;
      };
    },
  });
}
