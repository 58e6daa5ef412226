import { describe, expect, it } from "vitest";
import { DEFAULT_PNG_PIXELS, pngScale } from "./pngScale.js";

describe("the pixel density of a map's PNG", () => {
  it("is twice the screen's for a map that fits, and what was asked whenever something was", () => {
    expect(pngScale(2400, 1200)).toBe(2);
    expect(pngScale(9842, 1671, 3)).toBe(3);
    expect(pngScale(800, 600, 1)).toBe(1);
  });

  it("shrinks for a wide map so the picture stays within 25 megapixels, but never below the screen's", () => {
    for (const [width, height] of [
      [4400, 1500],
      [6000, 1800],
      [7800, 1671],
    ] as const) {
      const scale = pngScale(width, height);
      expect(scale).toBeLessThan(2);
      expect(scale).toBeGreaterThan(1);
      expect(width * scale * height * scale).toBeLessThanOrEqual(DEFAULT_PNG_PIXELS);
      // The next quarter step up would pass the limit.
      expect(width * (scale + 0.25) * height * (scale + 0.25)).toBeGreaterThan(DEFAULT_PNG_PIXELS);
    }
    expect(pngScale(40_000, 3_000)).toBe(1);
  });

  it("shrinks in quarter steps, so every fourth CSS pixel of the map falls on a whole pixel of the picture", () => {
    for (const [width, height] of [
      [4400, 1500],
      [6000, 1800],
      [7800, 1671],
      [9842, 1671],
      [3100, 2900],
    ] as const)
      expect((pngScale(width, height) * 4) % 1).toBe(0);
  });
});
