import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format, pickLocale, UI_LOCALES } from "./catalogue.js";

const load = (code: string) => JSON.parse(readFileSync(new URL(`./${code}.json`, import.meta.url), "utf8")) as Record<string, string>;

describe("i18n catalogue", () => {
  it("has every key in all five languages, none empty", () => {
    const en = Object.keys(load("en")).sort();
    for (const { code } of UI_LOCALES) {
      const messages = load(code);
      expect([code, Object.keys(messages).sort()]).toEqual([code, en]);
      for (const [key, value] of Object.entries(messages)) expect([code, key, value.trim().length > 0]).toEqual([code, key, true]);
    }
  });

  it("is actually translated (only the product name may stay the same)", () => {
    const en = load("en");
    for (const { code } of UI_LOCALES.filter((l) => l.code !== "en")) {
      const same = Object.entries(load(code)).filter(([k, v]) => v === en[k] && k !== "app.title");
      expect([code, same]).toEqual([code, []]);
    }
  });

  it("picks the stored language, else the browser's, with Chinese scripts told apart", () => {
    expect(pickLocale("fa", ["en-US"])).toBe("fa");
    expect(pickLocale(null, ["zh-TW"])).toBe("zh-Hant");
    expect(pickLocale(null, ["zh-CN"])).toBe("zh-Hans");
    expect(pickLocale(null, ["ru-RU", "en"])).toBe("ru");
    expect(pickLocale("xx", ["de-DE"])).toBe("en");
  });

  it("fills placeholders", () => {
    expect(format({ k: "Hi {name}" }, "k", { name: "<b>Ana</b>" })).toBe("Hi <b>Ana</b>");
  });
});
