import type { I18n } from "../../../i18n/I18nProvider.js";

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/**
 * A byte count in the largest fitting unit, formatted for the UI language ("1.5 MB", "۱٫۵ مگابایت"). Plain bytes are
 * written out in full, which takes the language's plural ("601 bytes", "1 byte", "5 байт"): the short form is "byte"
 * for every count in English.
 */
export function formatBytes(bytes: number, i18n: Pick<I18n, "formatNumber">): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return i18n.formatNumber(value, {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });
}
