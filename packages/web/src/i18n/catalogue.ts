/** The UI languages and how each is written. */
export const UI_LOCALES = [
  { code: "en", label: "English", dir: "ltr" },
  { code: "zh-Hant", label: "繁體中文", dir: "ltr" },
  { code: "zh-Hans", label: "简体中文", dir: "ltr" },
  { code: "ru", label: "Русский", dir: "ltr" },
  { code: "fa", label: "فارسی", dir: "rtl" },
] as const;

export type UiLocale = (typeof UI_LOCALES)[number]["code"];
export type Messages = Record<string, string>;

/** Picks the UI language from a stored choice or the browser's languages, falling back to English. */
export function pickLocale(stored: string | null, browserLanguages: readonly string[]): UiLocale {
  const codes = UI_LOCALES.map((l) => l.code) as readonly string[];
  if (stored && codes.includes(stored)) return stored as UiLocale;
  for (const lang of browserLanguages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith("zh")) return /tw|hk|mo|hant/.test(lower) ? "zh-Hant" : "zh-Hans";
    const base = lower.split("-")[0]!;
    if (codes.includes(base)) return base as UiLocale;
  }
  return "en";
}

/** Fills `{name}` placeholders; values are inserted as text by the caller, never as HTML. */
export function format(messages: Messages, key: string, values: Record<string, string> = {}): string {
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
