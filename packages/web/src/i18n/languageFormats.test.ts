import { describe, expect, it } from "vitest";
import { numberFormatOf, pluralRulesOf } from "./languageFormats.js";

describe("language formats", () => {
  it("writes numbers in each language's digits and picks its plural forms", () => {
    expect(numberFormatOf("fa").format(1234)).toBe("۱٬۲۳۴");
    expect(numberFormatOf("en").format(1234)).toBe("1,234");
    expect(pluralRulesOf("ru").select(3)).toBe("few");
    expect(pluralRulesOf("en").select(1)).toBe("one");
  });

  it("makes a language's formats once, so the page pays for its language data only once", () => {
    expect(numberFormatOf("ru")).toBe(numberFormatOf("ru"));
    expect(pluralRulesOf("zh-Hans")).toBe(pluralRulesOf("zh-Hans"));
    expect(numberFormatOf("ru")).not.toBe(numberFormatOf("en"));
  });
});
