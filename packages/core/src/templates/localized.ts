import type { Localized } from "../locale.js";

/** Builds a Localized string from its five translations, in the order en, zh-Hant, zh-Hans, ru, fa. */
export function L(en: string, zhHant: string, zhHans: string, ru: string, fa: string): Localized {
  return { en, "zh-Hant": zhHant, "zh-Hans": zhHans, ru, fa };
}
