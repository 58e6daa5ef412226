import { readdirSync, readFileSync } from "node:fs";
import { pluralForm } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import type { UiLocale } from "./locales.js";
import type { Message } from "./messages.js";

// A number placed right before a counted noun must come with plural forms (the catalogue's `one`/`few`/`many`/`other`,
// picked by Intl.PluralRules from `values.count`), or the screen says "1 kinds" or "из 21 клиентов". A message can
// also avoid the agreement ("customers: {customers}", "клиентов: {count}").

// Nouns the screens count, per language whose nouns agree with the number. Russian stems cover every case ending.
const COUNTED: Partial<Record<UiLocale, RegExp>> = {
  en: /\{\w+\} (?:events|customers|kinds|maps|transitions|times|rows|comments|quotes|days|bytes|steps|cards)\b/,
  ru: /\{\w+\} (?:событи|клиент|вид|карт|переход|раз|строк|комментари|цитат|дн|день|байт|шаг|знак|участник|ответ)[а-яё]*(?![.а-яё])/i,
};
const AGREEING = Object.keys(COUNTED) as UiLocale[];
// Chinese (one form only) and Persian (a noun stays singular after any number) need only the `other` form.
const NOT_AGREEING: UiLocale[] = ["zh-Hans", "zh-Hant", "fa"];

const dir = new URL("./", import.meta.url);
const namespaces = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const catalogue = (locale: UiLocale) =>
  namespaces.flatMap((ns) =>
    Object.entries(
      JSON.parse(readFileSync(new URL(`./${ns}/${locale}.json`, dir), "utf8")) as Record<string, Message>,
    ).map(([key, message]) => [`${ns}.${key}`, message] as const),
  );

describe.each(AGREEING)("counted nouns in the %s catalogues", (locale) => {
  const messages = catalogue(locale);

  it("take their plural from the count wherever a number stands before them", () => {
    const unagreed = messages.filter(([, message]) => typeof message === "string" && COUNTED[locale]!.test(message));
    expect(unagreed.map(([key]) => key)).toEqual([]);
  });
});

describe.each(NOT_AGREEING)("counted messages in the %s catalogues", (locale) => {
  it("give the `other` form wherever they give plural forms", () => {
    const withoutOther = catalogue(locale).filter(
      ([, message]) => typeof message === "object" && typeof message.other !== "string",
    );
    expect(withoutOther.map(([key]) => key)).toEqual([]);
  });
});

describe("Russian plural forms", () => {
  const ru = new Map(catalogue("ru"));
  const rules = new Intl.PluralRules("ru");

  it("say 'из 1 клиента', 'из 3 клиентов', 'из 21 клиента' in the process map's draft and conformance", () => {
    const intro = ru.get("processMap.draft.intro")!;
    expect([1, 3, 5, 21].map((n) => /из \{customers\} (\S+)\./.exec(pluralForm(intro, n, rules))?.[1])).toEqual([
      "клиента",
      "клиентов",
      "клиентов",
      "клиента",
    ]);
    const of = ru.get("evidence.conformance.ofCustomers")!;
    expect(pluralForm(of, 21, rules)).toBe("{conforming} из {customers} клиента");
  });
});
