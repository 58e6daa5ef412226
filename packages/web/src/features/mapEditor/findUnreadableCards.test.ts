import { applyMapOperations, mapRoots } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findUnreadableCards, watchUnreadableCards, type UnreadableCard } from "./findUnreadableCards.js";
import { buildTestMapDoc } from "./store/buildTestMapDoc.js";

describe("watching a map for cards it cannot read", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("checks the whole map once after the delay, then follows each card that is damaged, repaired or removed", () => {
    const doc = buildTestMapDoc();
    const cards = mapRoots(doc).cards;
    cards.get("c1")!.set("text", 42);
    const seen: string[][] = [];
    const stop = watchUnreadableCards(doc, (list: UnreadableCard[]) => seen.push(list.map((c) => c.id)), 500);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([["c1"]]);

    applyMapOperations(doc, [
      {
        op: "addCard",
        id: "p1c",
        laneId: "pains",
        stepId: "cart",
        card: { kind: "painPoint", text: "Late costs", severity: 4 },
      },
    ]);
    cards.get("p1c")!.set("severity", "very high");
    vi.advanceTimersByTime(500);
    expect(seen.at(-1)).toEqual(["c1", "p1c"]);

    cards.get("c1")!.set("text", "Compares offers again");
    cards.delete("p1c");
    vi.advanceTimersByTime(500);
    expect(seen.at(-1)).toEqual([]);
    expect(findUnreadableCards(doc)).toEqual([]);
    stop();
  });

  it("stays quiet while edits leave every card readable, and stops when asked", () => {
    const doc = buildTestMapDoc();
    const cards = mapRoots(doc).cards;
    let calls = 0;
    const stop = watchUnreadableCards(doc, () => void calls++, 500);
    vi.advanceTimersByTime(500);
    expect(calls).toBe(1);
    for (const word of ["Compares", "Compares offers", "Compares offers twice"]) cards.get("c1")!.set("text", word);
    vi.advanceTimersByTime(2000);
    expect(calls).toBe(1);
    stop();
    cards.get("c1")!.set("text", 7);
    vi.advanceTimersByTime(2000);
    expect(calls).toBe(1);
  });
});
