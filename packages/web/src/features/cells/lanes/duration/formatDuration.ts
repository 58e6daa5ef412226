import type { UiLocale } from "../../../../i18n/locales.js";

/** Minutes per unit a duration can be typed in. */
export const DURATION_UNITS = { minute: 1, hour: 60, day: 1440 } as const;
/** A unit a duration can be typed in. */
export type DurationUnit = keyof typeof DURATION_UNITS;

/** The largest unit the minutes are a whole number of, so 120 shows as 2 hours and 90 as 90 minutes. */
export function naturalUnit(minutes: number | undefined): DurationUnit {
  if (minutes === undefined || minutes === 0) return "minute";
  if (minutes % DURATION_UNITS.day === 0) return "day";
  if (minutes % DURATION_UNITS.hour === 0) return "hour";
  return "minute";
}

/**
 * A duration the way people say it in their language: "1 day, 2 hr, 5 min", "1 дн. 2 ч 5 мин", "۱ روز، ۲ ساعت".
 * Under a minute it is given in seconds.
 */
export function formatDuration(minutes: number, locale: UiLocale): string {
  const unit = (value: number, name: "second" | "minute" | "hour" | "day") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  if (minutes > 0 && minutes < 1) return unit(Math.round(minutes * 60), "second");
  let rest = Math.round(minutes);
  const days = Math.floor(rest / DURATION_UNITS.day);
  rest -= days * DURATION_UNITS.day;
  const hours = Math.floor(rest / DURATION_UNITS.hour);
  const mins = rest - hours * DURATION_UNITS.hour;
  const parts = [days && unit(days, "day"), hours && unit(hours, "hour"), mins && unit(mins, "minute")].filter(
    (p): p is string => Boolean(p),
  );
  if (parts.length === 0) return unit(0, "minute");
  return new Intl.ListFormat(locale, { type: "unit", style: "short" }).format(parts);
}
