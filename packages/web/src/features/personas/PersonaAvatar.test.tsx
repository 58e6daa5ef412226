// @vitest-environment jsdom
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { avatarDesign, initialsOf, isSafePhotoUrl, PersonaAvatar } from "./PersonaAvatar.js";

describe("PersonaAvatar", () => {
  it("takes initials from the first two words in any script", () => {
    expect(initialsOf("Marcus Okafor, IT director")).toBe("MO");
    expect(initialsOf("王芳，精打细算的新手妈妈")).toBe("王芳");
    expect(initialsOf("Лена")).toBe("ЛЕ");
    expect(initialsOf("  ")).toBe("");
    expect(initialsOf("سارا احمدی")).toBe("سا");
  });

  it("draws the same avatar for the same seed and different ones for different seeds", () => {
    expect(avatarDesign("seed-1")).toEqual(avatarDesign("seed-1"));
    const designs = new Set(["a", "b", "c", "d", "e", "f"].map((s) => JSON.stringify(avatarDesign(s))));
    expect(designs.size).toBeGreaterThan(4);
  });

  it("shows only safe photo URLs and falls back to the generated avatar", () => {
    expect(isSafePhotoUrl("javascript:alert(1)")).toBe(false);
    expect(isSafePhotoUrl("/api/workspaces/w/personas/p/photo?v=1")).toBe(true);
    const { container, rerender } = render(<PersonaAvatar name="Ana <b>Costa</b>" photoUrl="javascript:alert(1)" />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("svg text")?.textContent).toBe("AB");
    expect(container.querySelector("b")).toBeNull();
    rerender(<PersonaAvatar name="Ana" photoUrl="https://example.com/ana.jpg" />);
    expect(container.querySelector("img")?.getAttribute("src")).toBe("https://example.com/ana.jpg");
  });
});
