import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { presenceColor } from "./presenceColor.js";

function contrastWithWhite(hex: string): number {
  const colour = new axe.commons.color.Color();
  colour.parseString(hex);
  const white = new axe.commons.color.Color();
  white.parseString("#ffffff");
  return axe.commons.color.getContrast(colour, white);
}

describe("presence colours", () => {
  it("keep a collaborator's white initials readable (WCAG AA 4.5:1, as axe checks it) whatever their id", () => {
    const seen = new Set(Array.from({ length: 400 }, (_, i) => presenceColor(`user-${i}-${i * 7919}`)));
    expect(seen.size).toBeGreaterThan(4);
    for (const colour of seen) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it("give the same user the same colour everywhere", () => {
    expect(presenceColor("u_42")).toBe(presenceColor("u_42"));
  });
});
