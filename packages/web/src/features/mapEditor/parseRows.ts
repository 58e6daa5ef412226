/** Parses each row of an API list on its own, keeping the well-formed ones: one bad row never hides the rest. */
export function parseRows<T>(
  rows: unknown,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((r) => {
    const parsed = schema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}
