import { describe, expect, it } from "vitest";
import { shownEvidenceLevel } from "./shownEvidenceLevel.js";

describe("the evidence level a card shows", () => {
  it("is research for a card assumed until highlights were linked to it", () => {
    expect(shownEvidenceLevel("assumption", true)).toBe("research");
    expect(shownEvidenceLevel("assumption", false)).toBe("assumption");
  });

  it("stays data, the stronger evidence, when highlights are linked too", () => {
    expect(shownEvidenceLevel("data", true)).toBe("data");
    expect(shownEvidenceLevel("research", false)).toBe("research");
  });
});
