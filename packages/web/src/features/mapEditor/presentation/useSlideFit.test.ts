import { describe, expect, it } from "vitest";
import { fitZoom, slideWidth } from "./useSlideFit.js";

const screen = { width: 1280, height: 720 };

describe("fitting a presentation slide to the screen", () => {
  it("scales a one-column stage up until its height fills the screen, not its width", () => {
    const zoom = fitZoom(screen, { width: slideWidth(1), height: 500 });
    // By width alone it would be 1280/450 ≈ 2.8 (capped) and its lanes would run off the bottom.
    expect(zoom * 500).toBeLessThanOrEqual(720);
    expect(zoom).toBeCloseTo((720 - 24) / 500, 5);
  });

  it("scales a tall stage down so its last lane is on screen", () => {
    const zoom = fitZoom(screen, { width: slideWidth(3), height: 1100 });
    expect(zoom * 1100).toBeLessThanOrEqual(720);
    expect(zoom * slideWidth(3)).toBeLessThanOrEqual(1280);
  });

  it("fits a wide, short stage by its width", () => {
    const zoom = fitZoom(screen, { width: slideWidth(6), height: 300 });
    expect(zoom).toBeCloseTo((1280 - 24) / slideWidth(6), 5);
  });

  it("stays between half and twice the size: a tiny stage is not blown up, a huge map scrolls", () => {
    expect(fitZoom(screen, { width: slideWidth(1), height: 100 })).toBe(2);
    expect(fitZoom(screen, { width: slideWidth(40), height: 4000 })).toBe(0.5);
    // Not measured yet: by width alone.
    expect(fitZoom(screen, { width: slideWidth(2), height: 0 })).toBeCloseTo((1280 - 24) / slideWidth(2), 5);
  });
});
