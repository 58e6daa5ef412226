import type { EventDatabase } from "../../engines/duckdb/openEventDatabase.js";

/** One event of a hand-built journey for tests: customer number, ISO time (UTC) and the event's fields. */
export interface TestEvent {
  customer: number;
  at: string;
  name: string;
  channel?: string | null;
  score?: number;
  kind?: string;
  text?: string;
  properties?: Record<string, string>;
}

const literal = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;

/** Writes test events (and optional customer attributes) straight into the event tables, as an import would. */
export async function insertEvents(
  db: EventDatabase,
  events: TestEvent[],
  attributes: Record<number, Record<string, unknown>> = {},
): Promise<void> {
  for (let start = 0; start < events.length; start += 500) {
    const values = events.slice(start, start + 500).map((e, i) => {
      const row = start + i + 1;
      return `('test', 'test', ${row}, ${row}, ${e.customer}, TIMESTAMP ${literal(e.at.replace("T", " ").replace("Z", ""))}, ${literal(e.name)}, ${literal(e.channel)}, ${literal(e.score)}, ${literal(e.kind)}, ${literal(e.text)}, ${e.properties ? `${literal(JSON.stringify(e.properties))}::JSON` : "NULL"})`;
    });
    await db.connection.run(`INSERT INTO events VALUES ${values.join(",\n")}`);
  }
  const customers = new Set([...events.map((e) => e.customer), ...Object.keys(attributes).map(Number)]);
  if (customers.size) {
    const values = [...customers].map((c) => `(${c}, ${literal(JSON.stringify(attributes[c] ?? {}))}::JSON)`);
    await db.connection.run(`INSERT OR REPLACE INTO customers VALUES ${values.join(",")}`);
  }
}
