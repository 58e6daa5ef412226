import { describe, expect, it } from "vitest";
import { aggregateJourneys, foldStepName, type JourneyToAggregate } from "./aggregateJourneys.js";

const steps = ["search", "compare", "cart", "pay"];
const journey = (code: string, route: Array<string | [string, number]>, emotion = 0): JourneyToAggregate => ({
  participantId: `id-${code}`,
  participantCode: code,
  steps: route.map((s) => {
    const [name, e] = typeof s === "string" ? [s, emotion] : s;
    return steps.includes(name) ? { stepId: name, name, emotion: e } : { stepId: null, name, emotion: e };
  }),
});

describe("aggregating participants' journeys onto a map", () => {
  it("says 7 of 10 participants compared prices, with the spread of how they felt there", () => {
    const journeys = Array.from({ length: 10 }, (_, i) =>
      journey(`P${String(i + 1).padStart(2, "0")}`, i < 7 ? ["search", ["compare", i - 3], "pay"] : ["search", "pay"]),
    );
    const result = aggregateJourneys(steps, journeys);
    expect(result.participants).toBe(10);
    const compare = result.steps.find((s) => s.stepId === "compare")!;
    expect(compare.participants).toBe(7);
    expect(compare.emotions).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect([compare.min, compare.max, compare.mean]).toEqual([-3, 3, 0]);
    expect(compare.participantCodes).toEqual(["P01", "P02", "P03", "P04", "P05", "P06", "P07"]);
    expect(result.steps.find((s) => s.stepId === "search")!.participants).toBe(10);
    expect(result.steps.find((s) => s.stepId === "cart")).toMatchObject({ participants: 0, min: null, mean: null });
  });

  it("keeps what participants wrote on a step of their own journey, by code", () => {
    const result = aggregateJourneys(steps, [
      {
        participantId: "b",
        participantCode: "P02",
        steps: [{ stepId: "pay", name: "pay", emotion: 1, note: "Оплата прошла быстро" }],
      },
      {
        participantId: "a",
        participantCode: "P01",
        steps: [{ stepId: "pay", name: "pay", emotion: -1, note: " 付款太慢 " }],
      },
      { participantId: "c", participantCode: "P03", steps: [{ stepId: "pay", name: "pay", emotion: 0, note: "  " }] },
    ]);
    expect(result.steps.find((s) => s.stepId === "pay")!.notes).toEqual([
      { participantCode: "P01", note: "付款太慢" },
      { participantCode: "P02", note: "Оплата прошла быстро" },
    ]);
    expect(result.steps.find((s) => s.stepId === "cart")!.notes).toEqual([]);
  });

  it("counts a participant once at a step they passed twice, with the mean of their emotions there", () => {
    const result = aggregateJourneys(steps, [journey("P1", [["cart", -2], "pay", ["cart", 2]])]);
    expect(result.steps.find((s) => s.stepId === "cart")).toMatchObject({ participants: 1, emotions: [0] });
  });

  it("lists steps the map lacks by folded name, with where most participants took them", () => {
    const result = aggregateJourneys(steps, [
      journey("P1", ["search", ["Ask a friend", -1], "cart"]),
      journey("P2", ["search", ["ask  a FRIEND", 1]]),
      journey("P3", ["compare", "ask a friend"]),
      journey("P4", ["Read reviews", "pay"]),
    ]);
    expect(result.unmapped).toEqual([
      { name: "Ask a friend", participants: 3, participantCodes: ["P1", "P2", "P3"], mean: 0, afterStepId: "search" },
      { name: "Read reviews", participants: 1, participantCodes: ["P4"], mean: 0, afterStepId: null },
    ]);
  });

  it("names a lacking step as most participants wrote it, whatever order the journeys come in", () => {
    const written = [
      journey("P3", ["search", "ask a friend"]),
      journey("P1", ["search", "ASK A FRIEND"]),
      journey("P2", ["search", "ask a friend"]),
      journey("P4", ["search", "ASK A FRIEND"]),
      journey("P5", ["search", "ask a friend"]),
    ];
    for (const order of [written, [...written].reverse()])
      expect(aggregateJourneys(steps, order).unmapped[0]!.name).toBe("ask a friend");
    // A tie goes to the spelling of the participant whose code comes first.
    const tie = written.slice(0, 2);
    expect(aggregateJourneys(steps, tie).unmapped[0]!.name).toBe("ASK A FRIEND");
    expect(aggregateJourneys(steps, [...tie].reverse()).unmapped[0]!.name).toBe("ASK A FRIEND");
  });

  it("treats a step since deleted from the map as one the map lacks, and leaves out empty journeys", () => {
    const result = aggregateJourneys(steps, [
      { participantId: "a", participantCode: "A", steps: [{ stepId: "gone", name: "Old step", emotion: 2 }] },
      { participantId: "b", participantCode: "B", steps: [] },
    ]);
    expect(result.participants).toBe(1);
    expect(result.unmapped).toMatchObject([{ name: "Old step", participants: 1, mean: 2 }]);
  });

  it("folds names across scripts and widths", () => {
    expect(foldStepName("  Сравнить   ЦЕНЫ ")).toBe("сравнить цены");
    expect(foldStepName("ＡＢＣ")).toBe("abc");
  });
});
