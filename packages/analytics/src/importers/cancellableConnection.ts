import type { DuckDBConnection } from "@duckdb/node-api";

// The methods that start work in DuckDB; everything else (progress, interrupt, closeSync) passes straight through.
const STATEMENTS = new Set<PropertyKey>(["run", "runAndReadAll", "stream", "createAppender"]);

/**
 * The same connection, except that once `signal` has aborted every further statement is refused with `cancelled()`
 * instead of run. Interrupting DuckDB only stops the statement running at that moment; without this an import
 * cancelled between two statements would run on to the end of its phase.
 */
export function cancellableConnection(
  connection: DuckDBConnection,
  signal: AbortSignal | undefined,
  cancelled: () => Error,
): DuckDBConnection {
  if (!signal) return connection;
  return new Proxy(connection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!STATEMENTS.has(property)) return method.bind(target);
      return (...args: unknown[]) => (signal.aborted ? Promise.reject(cancelled()) : method.apply(target, args));
    },
  });
}
