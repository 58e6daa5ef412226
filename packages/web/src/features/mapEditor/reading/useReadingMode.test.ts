// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useReadingMode } from "./useReadingMode.js";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A screen answering media queries as a browser of that size would (only the queries the hook asks). */
function screenOf(width: number, height: number, pointer: "fine" | "coarse" = "fine") {
  const matches = (query: string) =>
    query
      .split(",")
      .some((part) =>
        [...part.matchAll(/\(([a-z-]+):\s*([a-z0-9]+)\)/g)].every(([, feature, value]) =>
          feature === "max-width"
            ? width <= parseInt(value!, 10)
            : feature === "orientation"
              ? (height >= width ? "portrait" : "landscape") === value
              : feature === "pointer"
                ? pointer === value
                : false,
        ),
      );
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: matches(query),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

const mode = (edits: boolean) => renderHook(() => useReadingMode(edits)).result;

describe("reading mode", () => {
  it("reads the map as a list on a phone, for editors too, who can switch to the full map", () => {
    screenOf(390, 844);
    const editor = mode(true);
    expect([editor.current.reading, editor.current.switchable]).toEqual([true, true]);
    act(() => editor.current.setReading(false));
    expect(editor.current.reading).toBe(false);
  });

  it("on a tablet, reads as a list for viewers and share links, and gives editors the grid with a switch", () => {
    for (const [width, height, pointer] of [
      [768, 1024, "fine"],
      [1024, 768, "coarse"],
    ] as const) {
      screenOf(width, height, pointer);
      expect([mode(false).current.reading, mode(true).current.reading]).toEqual([true, false]);
      const editor = mode(true);
      expect(editor.current.switchable).toBe(true);
      act(() => editor.current.setReading(true));
      expect(editor.current.reading).toBe(true);
    }
  });

  it("keeps the grid, without a switch, on a laptop 1024 px wide with a mouse and on wide screens", () => {
    for (const [width, height] of [
      [1024, 800],
      [1440, 900],
    ]) {
      screenOf(width!, height!);
      const viewer = mode(false);
      expect([viewer.current.reading, viewer.current.switchable]).toEqual([false, false]);
    }
  });
});
