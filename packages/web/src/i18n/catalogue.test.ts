import { readdirSync, readFileSync } from "node:fs";
import { fillPlaceholders, pluralForm } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { pickLocale, UI_LOCALES } from "./locales.js";
import type { Message } from "./messages.js";

// The web's catalogues and core's shared ones (errors, cli, exports, vocabulary), checked alike.
const dirs = { web: new URL("./", import.meta.url), core: new URL("../../../core/src/i18n/", import.meta.url) };
const namespaces = Object.entries(dirs).flatMap(([side, dir]) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${side}:${d.name}`),
);
const load = (ns: string, code: string) => {
  const [side, name] = ns.split(":") as [keyof typeof dirs, string];
  return JSON.parse(readFileSync(new URL(`./${name}/${code}.json`, dirs[side]), "utf8")) as Record<string, Message>;
};
const texts = (m: Message) => (typeof m === "string" ? [m] : Object.values(m));
const placeholders = (m: Message) =>
  [...new Set(texts(m).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();

// Values that are the same in every language: the product name, acronyms and format names.
const sameEverywhere = (key: string, english: Message) =>
  key === "web:common.app.title" || texts(english).every((t) => !/[a-z]{2,}/.test(t.replace(/\{\w+\}/g, "")));

describe("i18n catalogue", () => {
  it("has namespaces, each with a file for every language", () => {
    expect(namespaces).toEqual(expect.arrayContaining(["web:common", "core:errors", "core:cli", "core:exports"]));
    for (const ns of namespaces) for (const { code } of UI_LOCALES) expect(() => load(ns, code)).not.toThrow();
  });

  for (const ns of namespaces) {
    it(`${ns}: every key in all five languages, none empty, same placeholders, plural forms complete`, () => {
      const en = load(ns, "en");
      for (const { code } of UI_LOCALES) {
        const messages = load(ns, code);
        expect([code, Object.keys(messages).sort()]).toEqual([code, Object.keys(en).sort()]);
        const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
        for (const [key, value] of Object.entries(messages)) {
          expect([code, key, texts(value).every((t) => t.trim().length > 0)]).toEqual([code, key, true]);
          expect([code, key, placeholders(value)]).toEqual([code, key, placeholders(en[key]!)]);
          if (typeof value !== "string") {
            const missing = categories.filter((c) => value[c] === undefined);
            expect([code, key, missing]).toEqual([code, key, []]);
          }
        }
      }
    });

    it(`${ns}: actually translated (only names and acronyms may stay as in English)`, () => {
      const en = load(ns, "en");
      for (const { code } of UI_LOCALES.filter((l) => l.code !== "en")) {
        const same = Object.entries(load(ns, code)).filter(
          ([k, v]) => JSON.stringify(v) === JSON.stringify(en[k]) && !sameEverywhere(`${ns}.${k}`, en[k]!),
        );
        expect([code, same.map(([k]) => k)]).toEqual([code, []]);
      }
    });
  }

  it("picks the stored language, else the browser's, with Chinese scripts told apart", () => {
    expect(pickLocale("fa", ["en-US"])).toBe("fa");
    expect(pickLocale(null, ["zh-TW"])).toBe("zh-Hant");
    expect(pickLocale(null, ["zh-CN"])).toBe("zh-Hans");
    expect(pickLocale(null, ["ru-RU", "en"])).toBe("ru");
    expect(pickLocale("xx", ["de-DE"])).toBe("en");
  });

  it("fills placeholders as text and picks Russian plural forms", () => {
    expect(fillPlaceholders("Hi {name}", { name: "<b>Ana</b>" })).toBe("Hi <b>Ana</b>");
    const ru = new Intl.PluralRules("ru");
    const maps = { one: "{count} карта", few: "{count} карты", many: "{count} карт", other: "{count} карты" };
    expect([1, 3, 5, 21].map((n) => pluralForm(maps, n, ru))).toEqual([
      "{count} карта",
      "{count} карты",
      "{count} карт",
      "{count} карта",
    ]);
  });
});
