import type { UiLocale } from "../../../i18n/locales.js";

// Persian (U+06F0…) and Arabic-Indic (U+0660…) digits, which Persian keyboards type.
const NATIVE_DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;

function separators(locale: UiLocale): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === "group")?.value ?? ",",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
  };
}

/**
 * Reads a number typed in the user's locale: native digits, the locale's decimal and group separators (and a plain
 * "." as decimal point, which every keyboard has), a leading minus. Null when the text is not a finite number.
 */
export function parseLocaleNumber(text: string, locale: UiLocale): number | null {
  const { group, decimal } = separators(locale);
  let normalised = text
    .trim()
    .replace(NATIVE_DIGITS, (d) => String(d.charCodeAt(0) & 0xf))
    .replace(/[\u2212\u2012\u2013]/g, "-")
    .replace(/\u066B/g, ".")
    .replace(/[\s\u00A0\u202F\u066C]/g, "");
  if (group !== "." && group.trim() !== "") normalised = normalised.split(group).join("");
  if (decimal !== ".") normalised = normalised.split(decimal).join(".");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** A number as the user would type it back in their locale (no grouping, all its decimals). */
export function formatNumberForInput(value: number, locale: UiLocale): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}
