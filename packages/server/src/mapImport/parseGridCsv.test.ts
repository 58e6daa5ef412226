import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { demoExportInput } from "../mapExport/exportFixtures.js";
import { exportGridCsv } from "../mapExport/gridCsv.js";
import { parseGridCsv } from "./parseGridCsv.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("CSV grid export and import", () => {
  it("writes the grid as UTF-8 CSV with a byte-order mark: stage row, step row, one row per lane", () => {
    const input = demoExportInput();
    const csv = exportGridCsv(input);
    expect(csv.startsWith("\uFEFFStage,,,")).toBe(true);
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    expect(rows[1]!.slice(3)).toEqual(input.snapshot.steps.map((s) => s.name));
    expect(rows.length).toBe(2 + input.snapshot.lanes.length);
  });

  it("reads its own CSV back with the same stages, steps, lanes, card texts and emotions", () => {
    const input = demoExportInput();
    const draft = parseGridCsv(bytes(exportGridCsv(input)), "map.csv");
    const s = draft.snapshot;
    expect(s.stages.map((x) => x.name)).toEqual(input.snapshot.stages.map((x) => x.name));
    expect(s.steps.map((x) => x.name)).toEqual(input.snapshot.steps.map((x) => x.name));
    expect(s.lanes.map((l) => [l.type, l.name])).toEqual(input.snapshot.lanes.map((l) => [l.type, l.name]));
    expect(s.cells.map((c) => c.cards.length)).toEqual(input.snapshot.cells.map((c) => c.cards.length));
    const texts = (snap: typeof s) => snap.cells.flatMap((c) => c.cards.flatMap((k) => ("text" in k ? [k.text] : [])));
    expect(texts(s)).toEqual(texts(input.snapshot));
    expect(s.emotions.map((e) => e.value)).toEqual(input.snapshot.emotions.map((e) => e.value));
    expect(draft.personas.map((p) => p.fields.name)).toEqual(input.personas.map((p) => p.name));
  });

  it("accepts a hand-made grid with semicolons, no type column and a lane name it has to guess", () => {
    const draft = parseGridCsv(
      bytes(
        "Stage;Discover;Discover;Buy\nStep;See ad;Read reviews;Pay\nCustomer actions;Scrolls;Reads;Pays\nPain points;;Too many reviews [4/5];\n",
      ),
      "grid.csv",
    );
    expect(draft.snapshot.stages.map((s) => s.name)).toEqual(["Discover", "Buy"]);
    expect(draft.snapshot.lanes.map((l) => l.type)).toEqual(["actions", "painPoints"]);
    const pain = draft.snapshot.cells.find((c) => c.laneId === draft.snapshot.lanes[1]!.id)!.cards[0]!;
    expect(pain).toMatchObject({ kind: "painPoint", text: "Too many reviews", severity: 4 });
  });

  it("names the row and column of a problem, the line of broken quoting, and refuses text that is not UTF-8", () => {
    expect(() =>
      parseGridCsv(
        bytes("Stage,,,A\nStep,Type,Persona,x\nLinks,Links and attachments,,javascript:alert(1)\n"),
        "bad.csv",
      ),
    ).toThrow(/row 3, column D: url: must be an http\(s\) URL/);
    expect(() => parseGridCsv(bytes('Stage,,,A\nStep,Type,Persona,"x\n'), "quote.csv")).toThrow(/quote\.csv line \d/);
    expect(() =>
      parseGridCsv(new Uint8Array([0x53, 0x74, 0x61, 0x67, 0x65, 0x2c, 0xc4, 0xe3, 0x0a]), "gbk.csv"),
    ).toThrow(/gbk\.csv line 1: the file is not UTF-8/);
    expect(() => parseGridCsv(bytes("Name,Cost\nTea,3\n"), "budget.csv")).toThrow(/row 1, column A: no "Stage" row/);
  });
});
