import { describe, expect, it } from "vitest";
import { presenceColor } from "./presenceColor.js";

/** WCAG 2 relative luminance of an sRGB colour written #rrggbb (the definition axe's colour-contrast rule applies). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe("presence colours", () => {
  it("keep a collaborator's white initials readable (WCAG AA 4.5:1) whatever their id", () => {
    const seen = new Set(Array.from({ length: 400 }, (_, i) => presenceColor(`user-${i}-${i * 7919}`)));
    expect(seen.size).toBeGreaterThan(4);
    for (const colour of seen) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it("give the same user the same colour everywhere", () => {
    expect(presenceColor("u_42")).toBe(presenceColor("u_42"));
  });
});
