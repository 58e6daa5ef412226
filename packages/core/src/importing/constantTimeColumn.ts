import type { ImportMappingInput } from "../contract/sources.js";

/**
 * Whether a time column is the same on every row of each customer in the sample (a sign-up or start date rather than
 * when each event happened): true when at least one customer has several rows and none of them has two times.
 */
export function isConstantPerCase(times: readonly string[], cases: readonly string[]): boolean {
  const seen = new Map<string, { first: string; rows: number; varies: boolean }>();
  times.forEach((time, i) => {
    const key = cases[i] ?? "";
    if (!key.trim()) return;
    const entry = seen.get(key);
    if (!entry) return void seen.set(key, { first: time, rows: 1, varies: false });
    entry.rows++;
    if (time !== entry.first) entry.varies = true;
  });
  const repeated = [...seen.values()].filter((e) => e.rows > 1);
  return repeated.length > 0 && repeated.every((e) => !e.varies);
}

/**
 * The mapping's timestamp column when it does not change within any customer of the sample rows (every event of a
 * journey would then happen at one moment), else undefined. The import, its preview and the browser's mapping form
 * run this one check, the form on the mapping the user has chosen.
 */
export function constantTimeColumn(
  mapping: Pick<ImportMappingInput, "columns">,
  header: readonly string[],
  rows: readonly string[][],
): string | undefined {
  const entries = Object.entries(mapping.columns);
  const time = entries.find(([, r]) => r.role === "timestamp")?.[0];
  const ids = entries.filter(([, r]) => r.role === "identifier").map(([c]) => c);
  if (!time || ids.length === 0) return undefined;
  const at = (column: string) => header.indexOf(column);
  const times = rows.map((r) => r[at(time)] ?? "");
  const cases = rows.map((r) => ids.map((c) => r[at(c)] ?? "").join("\u0000"));
  return isConstantPerCase(times, cases) ? time : undefined;
}
