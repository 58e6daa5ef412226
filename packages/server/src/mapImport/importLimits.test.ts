import { MAP_LIMITS } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/DomainError.js";
import { apiErrorOf, type ApiErrorAnswer } from "../http/errorHandling.js";
import { parseImportFile } from "./parseImportFile.js";

const text = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) });

/** A Mermaid journey of `tasks` tasks, a section every 100 (the 1.3 MB file of the report has 50,000). */
function mermaidJourney(tasks: number): string {
  const lines = ["journey", "  title Huge"];
  for (let i = 0; i < tasks; i++) {
    if (i % 100 === 0) lines.push(`  section Stage ${i / 100}`);
    lines.push(`    Task number ${i}: ${1 + (i % 5)}: Me, Cat`);
  }
  return lines.join("\n");
}

/** A CSV grid like our export: `steps` steps, `lanes` action lanes, `perCell` cards in every cell. */
function csvGrid(steps: number, lanes: number, perCell: number): string {
  const quote = (s: string) => `"${s}"`;
  const rows = [
    ["Stage", ...Array.from({ length: steps }, (_, i) => `Stage ${Math.floor(i / 10)}`)],
    ["Step", ...Array.from({ length: steps }, (_, i) => `Step ${i}`)],
  ];
  for (let l = 0; l < lanes; l++)
    rows.push([
      `Actions ${l}`,
      ...Array.from({ length: steps }, (_, s) =>
        Array.from({ length: perCell }, (_, c) => `Card ${l}-${s}-${c}`).join("\n"),
      ),
    ]);
  return rows.map((r) => r.map(quote).join(",")).join("\r\n");
}

async function refusal(file: { name: string; bytes: Uint8Array }): Promise<ApiErrorAnswer> {
  const err = await parseImportFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return apiErrorOf(err as DomainError);
}

describe("imports past the map limits", () => {
  it("refuses the 50,000-task Mermaid journey at once, naming the step limit and the count (regression: it froze the server)", async () => {
    const err = await refusal(text("huge.mmd", mermaidJourney(50_000)));
    expect([err.status, err.code]).toEqual([400, "invalid_file"]);
    expect(err.message).toBe("file: 50,000 steps is more than a map can hold (at most 500)");
  });

  it("imports a journey with as many tasks as a map holds", async () => {
    const draft = await parseImportFile(text("full.mmd", mermaidJourney(MAP_LIMITS.steps)));
    expect(draft.snapshot.steps).toHaveLength(MAP_LIMITS.steps);
    expect(draft.snapshot.emotions).toHaveLength(2 * MAP_LIMITS.steps);
  });

  it("imports a grid at the card limit and refuses one with more cards, naming the count", async () => {
    const full = await parseImportFile(text("full.csv", csvGrid(40, 20, 25)));
    expect(full.snapshot.cells.reduce((n, c) => n + c.cards.length, 0)).toBe(MAP_LIMITS.cards);
    const err = await refusal(text("over.csv", csvGrid(40, 20, 26)));
    expect(err.message).toBe("file: 20,800 cards is more than a map can hold (at most 20,000)");
  }, 60_000);

  it("refuses a grid with too many cards in one cell", async () => {
    const err = await refusal(text("cell.csv", csvGrid(1, 1, MAP_LIMITS.cardsPerCell + 1)));
    expect(err.message).toBe("file: 1,001 cards in one cell is more than a map can hold (at most 1,000)");
  });

  it("refuses a grid as wide as 200,000 steps with an emotion row, naming the count (regression: the call stack overflowed)", async () => {
    const columns = Array.from({ length: 200_000 }, (_, i) => i);
    const grid = [
      ["Stage", ...columns.map(() => "S")],
      ["Step", ...columns.map((i) => `p${i}`)],
      ["Emotions", ...columns.map((i) => String((i % 5) - 2))],
    ];
    const err = await refusal(text("wide.csv", grid.map((r) => r.join(",")).join("\n")));
    expect(err.message).toBe("file: 200,000 steps is more than a map can hold (at most 500)");
  }, 60_000);

  it("refuses an OpenJourney map with more stages than a map holds", async () => {
    const stages = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
    const err = await refusal(text("many.ojf", JSON.stringify({ version: "1.0", stages, swimlanes: [], nodes: [] })));
    expect(err.message).toBe("file: 300 stages is more than a map can hold (at most 200)");
  });

  it("refuses our JSON with more steps than a map holds, naming the field", async () => {
    const snapshot = {
      version: 1,
      settings: { title: "Big", type: "currentState" },
      stages: [{ id: "s", name: "S", order: "a0" }],
      steps: Array.from({ length: 600 }, (_, i) => ({ id: `p${i}`, stageId: "s", name: `P${i}`, order: `a${i}` })),
      lanes: [],
      cells: [],
      emotions: [],
    };
    const err = await refusal(text("big.json", JSON.stringify(snapshot)));
    expect(err.message).toBe("steps: 600 steps is more than a map can hold (at most 500)");
  });
});
