import { z } from "zod";

/** The five languages of the UI, templates and exports (PRODUCT.md §4.10). */
export const LOCALES = ["en", "zh-Hant", "zh-Hans", "ru", "fa"] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** A string given in every UI language. */
export type Localized = Record<Locale, string>;

/** True for locales written right to left. */
export function isRightToLeft(locale: Locale): boolean {
  return locale === "fa";
}
