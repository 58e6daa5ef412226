import { describe, expect, it } from "vitest";
import { DEFAULT_PNG_PIXELS, pngScale } from "./pngScale.js";

describe("the pixel density of a map's PNG", () => {
  it("is twice the screen's for a map that fits, and what was asked whenever something was", () => {
    expect(pngScale(2400, 1200)).toBe(2);
    expect(pngScale(9842, 1671, 3)).toBe(3);
    expect(pngScale(800, 600, 1)).toBe(1);
  });

  it("shrinks for a wide map so the picture stays within 25 megapixels, but never below the screen's", () => {
    const scale = pngScale(9842, 1671);
    expect(scale).toBeLessThan(2);
    expect(scale).toBeGreaterThan(1);
    expect(9842 * scale * 1671 * scale).toBeLessThanOrEqual(DEFAULT_PNG_PIXELS);
    expect(9842 * (scale + 0.02) * 1671 * (scale + 0.02)).toBeGreaterThan(DEFAULT_PNG_PIXELS);
    expect(pngScale(40_000, 3_000)).toBe(1);
  });
});
