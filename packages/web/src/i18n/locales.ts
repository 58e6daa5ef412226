/** The UI languages and how each is written. */
export const UI_LOCALES = [
  { code: "en", label: "English", dir: "ltr" },
  { code: "zh-Hant", label: "繁體中文", dir: "ltr" },
  { code: "zh-Hans", label: "简体中文", dir: "ltr" },
  { code: "ru", label: "Русский", dir: "ltr" },
  { code: "fa", label: "فارسی", dir: "rtl" },
] as const;

export type UiLocale = (typeof UI_LOCALES)[number]["code"];
export type TextDirection = "ltr" | "rtl";

const CODES: readonly string[] = UI_LOCALES.map((l) => l.code);

/** True when the string names one of the UI languages. */
export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === "string" && CODES.includes(value);
}

/** The writing direction of a UI language. */
export function directionOf(locale: UiLocale): TextDirection {
  return UI_LOCALES.find((l) => l.code === locale)?.dir ?? "ltr";
}

/** Picks the UI language from a stored choice or the browser's languages, falling back to English. */
export function pickLocale(stored: string | null | undefined, browserLanguages: readonly string[]): UiLocale {
  if (isUiLocale(stored)) return stored;
  for (const lang of browserLanguages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith("zh")) return /tw|hk|mo|hant/.test(lower) ? "zh-Hant" : "zh-Hans";
    const base = lower.split("-")[0];
    if (isUiLocale(base)) return base;
  }
  return "en";
}
