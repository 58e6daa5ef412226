import type { UiLocale } from "../../../i18n/locales.js";
import { formatDuration } from "../../cells/lanes/duration/formatDuration.js";

/** A duration in milliseconds the way people say it ("2 hr, 5 min"), in the UI language. */
export function formatMs(ms: number, locale: UiLocale): string {
  return formatDuration(ms / 60_000, locale);
}
