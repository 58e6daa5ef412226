import { describe, expect, it } from "vitest";
import { WarmUpLimiter } from "./WarmUpLimiter.js";

describe("which get-ready requests may draw a map in the export browser", () => {
  it("lets one person have three views drawn at once, then one every 20 seconds", () => {
    const limiter = new WarmUpLimiter();
    const asked = (at: number, view: string) => limiter.allow("ann", view, at);
    expect([asked(0, "en"), asked(1, "ru"), asked(2, "fa"), asked(3, "zh-Hant")]).toEqual([true, true, true, false]);
    expect(asked(19_000, "zh-Hant")).toBe(false);
    expect(asked(20_003, "zh-Hant")).toBe(true);
    expect(asked(20_004, "zh-Hans")).toBe(false);
    // Someone else has an allowance of their own.
    expect(limiter.allow("bob", "zh-Hans", 20_005)).toBe(true);
  });

  it("does not draw again, for anyone, the view drawn last within a minute", () => {
    const limiter = new WarmUpLimiter();
    expect(limiter.allow("ann", "map_1 en", 0)).toBe(true);
    expect(limiter.allow("bob", "map_1 en", 30_000)).toBe(false);
    expect(limiter.allow("bob", "map_1 ru", 30_001)).toBe(true);
    expect(limiter.allow("ann", "map_1 en", 40_000)).toBe(true);
    expect(limiter.allow("bob", "map_1 en", 99_999)).toBe(false);
    expect(limiter.allow("bob", "map_1 en", 100_000)).toBe(true);
  });

  it("forgets people whose allowance is whole again, and still limits those who asked lately", () => {
    const limiter = new WarmUpLimiter();
    for (let i = 0; i < 200; i++) expect(limiter.allow(`user_${i}`, `view ${i}`, i)).toBe(true);
    for (let i = 0; i < 2; i++) expect(limiter.allow("ann", `ann ${i}`, 1000 + i)).toBe(true);
    expect(limiter.allow("ann", "ann 2", 1002)).toBe(true);
    expect(limiter.allow("ann", "ann 3", 1003)).toBe(false);
    // A minute later everyone has their allowance back, and the forgotten are counted afresh.
    expect(limiter.allow("user_0", "again", 61_000)).toBe(true);
  });
});
