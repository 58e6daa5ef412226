/** Every string in a parsed JSON value, depth first, in order (numbers and booleans are values, not texts). */
export function stringLeaves(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}

/** The distinct non-blank texts in a value, in the order first met: what a report lists for a field of many items. */
export function distinctTexts(values: readonly unknown[]): string[] {
  return [...new Set(values.flatMap(stringLeaves).filter((t) => t.trim() !== ""))];
}

/** The value at a report path such as `stages[0].mood` inside parsed JSON, or undefined when the path leads nowhere. */
export function valueAtPath(root: unknown, path: string): unknown {
  let here: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}
