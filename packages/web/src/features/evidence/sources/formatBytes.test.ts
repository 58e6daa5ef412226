import { describe, expect, it } from "vitest";
import { formatBytes } from "./formatBytes.js";

const in_ = (locale: string) => ({
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale, options).format(value),
});

describe("file sizes", () => {
  it("says bytes with the language's plural, never '601 byte'", () => {
    expect([formatBytes(601, in_("en")), formatBytes(1, in_("en"))]).toEqual(["601 bytes", "1 byte"]);
    expect([formatBytes(1, in_("ru")), formatBytes(5, in_("ru"))]).toEqual(["1 байт", "5 байт"]);
  });

  it("writes larger sizes in the largest fitting unit, shortened", () => {
    expect(formatBytes(1536, in_("en"))).toBe("1.5 kB");
    expect(formatBytes(3 * 1024 * 1024, in_("en"))).toBe("3 MB");
  });
});
