import { MAX_CONVERSION_WINDOW_HOURS } from "@opencjm/core";
import type { I18n } from "../../i18n/I18nProvider.js";

/**
 * The sentence that states the conversion window numbers were computed with, wherever they are shown or printed:
 * none (the largest) as the reason a step counts however long customers take, whole days as days, else hours.
 */
export function conversionWindowText({ t, formatNumber }: Pick<I18n, "t" | "formatNumber">, hours: number): string {
  if (hours >= MAX_CONVERSION_WINDOW_HOURS) return t("processMap.window.none");
  if (hours % 24 === 0)
    return t("processMap.window.days", { days: formatNumber(hours / 24), hours: formatNumber(hours) });
  return t("processMap.window.hours", { hours: formatNumber(hours) });
}
