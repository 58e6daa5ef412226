import { describe, expect, it } from "vitest";
import { analyzeSentiment } from "./analyzeSentiment.js";
import { detectTextLanguage } from "./detectTextLanguage.js";

describe("detectTextLanguage", () => {
  it("tells the five languages apart by script, and the two Chinese scripts by their own characters", () => {
    expect(detectTextLanguage("The checkout was quick")).toBe("en");
    expect(detectTextLanguage("这个产品很好，但是送货太慢了")).toBe("zh-Hans");
    expect(detectTextLanguage("這個產品很好，但是送貨太慢了")).toBe("zh-Hant");
    expect(detectTextLanguage("Доставка была очень медленной")).toBe("ru");
    expect(detectTextLanguage("پشتیبانی خیلی سریع جواب داد")).toBe("fa");
    expect(detectTextLanguage("12345 !!!")).toBe("und");
  });
});

describe("analyzeSentiment", () => {
  const cases: Array<[string, string, "pos" | "neg"]> = [
    ["en", "The staff were friendly and the checkout was fast", "pos"],
    ["en", "Terrible experience, the app is slow and confusing", "neg"],
    ["en", "I am not happy with the delivery", "neg"],
    ["zh-Hans", "客服很专业，我非常满意", "pos"],
    ["zh-Hans", "送货太慢了，我很失望", "neg"],
    ["zh-Hans", "这个产品不好用", "neg"],
    ["zh-Hant", "客服很專業，我非常滿意", "pos"],
    ["zh-Hant", "價格太貴了，很失望", "neg"],
    ["ru", "Отличный сервис, спасибо за быструю доставку", "pos"],
    ["ru", "Доставка была очень медленной, я разочарован", "neg"],
    ["ru", "Мне не понравилось, слишком дорого", "neg"],
    ["fa", "پشتیبانی خیلی سریع و حرفه‌ای بود، ممنون", "pos"],
    ["fa", "تحویل خیلی دیر انجام شد و افتضاح بود", "neg"],
    ["fa", "از خدمات راضی نیستم", "neg"],
  ];
  for (const [lang, text, want] of cases) {
    it(`${lang}: "${text}" reads ${want === "pos" ? "positive" : "negative"}`, () => {
      const s = analyzeSentiment(text);
      expect(s.language).toBe(lang);
      if (want === "pos") expect(s.score).toBeGreaterThan(0);
      else expect(s.score).toBeLessThan(0);
      expect(Math.abs(s.score)).toBeLessThan(1);
    });
  }

  it("gives 0 to text with no known word, and reads the Persian verb «کند» (does) as neutral", () => {
    expect(analyzeSentiment("Order number 12345 shipped").score).toBe(0);
    expect(analyzeSentiment("او کار را تمام می کند").score).toBe(0);
  });

  it("matches Persian written with Arabic ي and ك as well as with ی and ک", () => {
    expect(analyzeSentiment("خيلي عالي").score).toBeCloseTo(analyzeSentiment("خیلی عالی").score, 10);
  });

  // V8's word segmenter slows by orders of magnitude past 65,536 characters: a whole transcript in one event took
  // minutes and stalled its import. Scored in pieces, every word of it still counts, once, with its negation.
  it("scores a 300,000-character transcript word by word, as its sentences one by one", () => {
    for (const sentence of [
      "Мы ждали очень долго, поддержка не помогла. Ужасно! ",
      "We did not like it, awful wait. ",
    ]) {
      const one = analyzeSentiment(sentence);
      const times = Math.ceil(300_000 / sentence.length);
      const long = analyzeSentiment(sentence.repeat(times));
      expect(one.matched).toBeGreaterThan(0);
      expect(long.matched).toBe(one.matched * times);
      expect(Math.sign(long.score)).toBe(Math.sign(one.score));
    }
  });
});
