import { translateVocabulary, type IdeaEffect, type IdeaEffectCaveat, type Locale } from "@opencjm/core";
import { localisedErrorMessage } from "../errors/localiseError.js";

const DAY = 86_400_000;

/** The values a caveat's sentence names: window lengths, the windows' ends, the ship date, the data's first and last. */
function caveatValues(effect: IdeaEffect, locale: Locale): Record<string, string> {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale);
  const day = (ms: number | null) => (ms === null || Number.isNaN(ms) ? "—" : date.format(ms));
  const at = (value: string | null) => day(value === null ? null : Date.parse(value));
  const shipped = effect.shippedAt === null ? NaN : Date.parse(effect.shippedAt);
  return {
    before: number.format(effect.beforeDays),
    after: number.format(effect.afterDays),
    shipped: day(shipped),
    from: day(shipped - effect.beforeDays * DAY),
    to: day(shipped + effect.afterDays * DAY),
    first: at(effect.dataFrom),
    last: at(effect.dataTo),
  };
}

/** One caveat in a language (vocabulary `effectCaveat.*`). */
function caveatMessage(caveat: IdeaEffectCaveat, values: Record<string, string>, locale: Locale): string {
  return translateVocabulary(locale, `effectCaveat.${caveat}`, values);
}

/**
 * An effect said in the reader's language: each caveat as a sentence naming its dates and window lengths (for the
 * locale), and each KPI's problem from the errors catalogue. Recorded effects are worded anew for every reader.
 */
export function wordIdeaEffect(effect: IdeaEffect, locale: Locale): IdeaEffect {
  const values = caveatValues(effect, locale);
  return {
    ...effect,
    caveatMessages: effect.caveats.map((caveat) => ({ caveat, message: caveatMessage(caveat, values, locale) })),
    kpis: effect.kpis.map((k) =>
      k.problem ? { ...k, problem: { ...k.problem, message: localisedErrorMessage(k.problem, locale) } } : k,
    ),
  };
}
