/** A content coding the built assets are stored in beside the plain file (.br, .gz). */
export type StoredEncoding = "br" | "gzip";

/** The file suffix of each stored coding. */
export const ENCODING_SUFFIX: Record<StoredEncoding, string> = { br: ".br", gzip: ".gz" };

// Brotli first: it is 10–15 % smaller than gzip on the app's scripts, and every browser that sends it decodes it.
const PREFERENCE: readonly StoredEncoding[] = ["br", "gzip"];

/**
 * The stored coding to answer with, given the request's `Accept-Encoding` ("gzip, deflate, br;q=0.9") and the codings
 * this file has; undefined means the plain file. A coding the client weighs at q=0 is never chosen, nor one it does
 * not name (unless it accepts `*`).
 */
export function acceptedEncoding(
  header: string | undefined,
  available: ReadonlySet<StoredEncoding>,
): StoredEncoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    // A weight that is not a number counts as a refusal rather than as the default of 1.
    const q = params.map((p) => /^\s*q=(.*)$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q.trim() || "x");
    if (name.trim()) weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? (coding === "gzip" ? weights.get("x-gzip") : undefined);
  let best: StoredEncoding | undefined;
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    if (!available.has(coding)) continue;
    const weight = weightOf(coding) ?? weights.get("*") ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}
