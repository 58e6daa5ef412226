import { LOCALES, type Locale } from "../locale.js";

/**
 * The first of these language tags ("ru-RU", "zh-TW", "fa") that one of our languages serves, Chinese scripts told
 * apart by region or script; undefined when none does.
 */
export function matchLocale(tags: readonly string[]): Locale | undefined {
  for (const tag of tags) {
    const lower = tag.trim().toLowerCase().replace(/_/g, "-");
    if (lower.startsWith("zh")) return /tw|hk|mo|hant/.test(lower) ? "zh-Hant" : "zh-Hans";
    const base = lower.split("-")[0];
    const found = LOCALES.find((l) => l === base);
    if (found) return found;
  }
  return undefined;
}

/** The languages of an `Accept-Language` header, most preferred first ("ru-RU,ru;q=0.9,en;q=0.8"). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** The language of a POSIX environment: LC_ALL, else LC_MESSAGES, else LANG ("ru_RU.UTF-8"); undefined for C/POSIX. */
export function environmentLocale(env: Record<string, string | undefined>): Locale | undefined {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  if (!value || value === "C" || value === "POSIX") return undefined;
  return matchLocale([value.split(/[.@]/)[0] ?? ""]);
}
