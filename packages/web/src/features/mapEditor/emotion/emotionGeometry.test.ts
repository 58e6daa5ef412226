import { describe, expect, it } from "vitest";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { curvePath, emotionGeometry, snapEmotion } from "./emotionGeometry.js";

const slots = createLiveMapView(buildTestMapDoc()).getStructure().slots; // [ad] [cart | pay]
const scale = { min: -2, max: 2 };

describe("emotion lane geometry", () => {
  it("puts each step's point in its column, parallel steps side by side in their shared column", () => {
    const g = emotionGeometry(slots, 200, 100, scale, false);
    expect(g.width).toBe(400);
    expect([g.x("ad"), g.x("cart"), g.x("pay")]).toEqual([100, 250, 350]);
  });

  it("draws right to left in a right-to-left language: the first step on the right", () => {
    const g = emotionGeometry(slots, 200, 100, scale, true);
    expect([g.x("ad"), g.x("cart"), g.x("pay")]).toEqual([300, 150, 50]);
    expect(g.stepAt(390)).toBe("ad");
    expect(g.stepAt(10)).toBe("pay");
  });

  it("maps the top of the lane to the best value and the bottom to the worst, snapping to half steps", () => {
    const g = emotionGeometry(slots, 200, 120, scale, false);
    expect(g.y(2)).toBeLessThan(g.y(0));
    expect(g.y(0)).toBeLessThan(g.y(-2));
    expect(g.valueAt(g.y(1))).toBe(1);
    expect(g.valueAt(g.y(0.3))).toBe(0.5);
    expect(g.valueAt(-50)).toBe(2);
    expect(g.valueAt(500)).toBe(-2);
  });

  it("snaps typed and dragged values onto the scale", () => {
    expect(snapEmotion(1.26, scale)).toBe(1.5);
    expect(snapEmotion(-7, scale)).toBe(-2);
  });

  it("draws a smooth path through the points in order that never overshoots them, left to right or right to left", () => {
    expect(curvePath([])).toBe("");
    expect(curvePath([{ x: 5, y: 5 }])).toBe("M5.0,5.0");
    for (const sign of [1, -1]) {
      const points = [
        { x: 0, y: 10 },
        { x: 100 * sign, y: 90 },
        { x: 200 * sign, y: 90 },
        { x: 300 * sign, y: 20 },
      ];
      const d = curvePath(points);
      expect(d.startsWith("M0.0,10.0 C")).toBe(true);
      expect(d.endsWith(`${(300 * sign).toFixed(1)},20.0`)).toBe(true);
      expect(d.match(/C/g)).toHaveLength(3);
      // Every control point's height lies between the heights of the two points it joins.
      const numbers = d
        .replace(/[MC]/g, " ")
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      for (let seg = 0; seg < 3; seg++) {
        const [lo, hi] = [Math.min(ys[seg * 3]!, ys[seg * 3 + 3]!), Math.max(ys[seg * 3]!, ys[seg * 3 + 3]!)];
        for (const c of [ys[seg * 3 + 1]!, ys[seg * 3 + 2]!]) expect(c >= lo - 1e-9 && c <= hi + 1e-9).toBe(true);
      }
    }
  });
});
