import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importEvents } from "./importEvents.js";
import { ImportError } from "./ImportError.js";
import type { ImportMappingInput } from "@opencjm/core";
import { openTestWorkspace, rejection, type TestWorkspace } from "./testing/testWorkspace.js";

// Regression (issue 11): duplicate detection joined every pair of rows sharing a fingerprint, so a file of a million
// identical rows never finished. These files are big enough that a pairwise join (4 × 10¹⁰ pairs) cannot finish
// within the timeout, and small enough for a linear pass to take seconds.
const ROWS = 200_000;
const MAPPING: ImportMappingInput = {
  columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" }, event: { role: "event" } },
};

let t: TestWorkspace;
let path: string;

beforeEach(async () => {
  t = await openTestWorkspace();
  path = t.file("same.csv", `email,ts,event\n${"ana@example.com,2024-03-01T09:00:00Z,Visited site\n".repeat(ROWS)}`);
});
afterEach(() => t.dispose());

describe("a file of 200,000 identical rows", { timeout: 120_000 }, () => {
  it("is refused as duplicates, naming the first repeat, and stores nothing", async () => {
    await importEvents(t.db, {
      path: t.file("other.csv", "email,ts,event\nbo@example.com,2024-03-01T09:00:00Z,Visited site\n"),
      source: { name: "Web" },
      mapping: MAPPING,
    });
    const before = await t.fingerprint();
    const error = await rejection<ImportError>(importEvents(t.db, { path, source: { name: "Web" }, mapping: MAPPING }));
    expect(error).toBeInstanceOf(ImportError);
    expect([error.code, error.row, error.message]).toEqual([
      "duplicate_event",
      2,
      `same.csv, row 2: repeats row 1 exactly (${ROWS - 1} repeated rows in the file); set duplicates to "skip" to import each event once`,
    ]);
    expect(await t.fingerprint()).toEqual(before);
  });

  it("imports one event when duplicates are skipped", async () => {
    const result = await importEvents(t.db, {
      path,
      source: { name: "Web" },
      mapping: { ...MAPPING, duplicates: "skip" },
    });
    expect([result.rowsRead, result.eventsStored, result.duplicatesSkipped]).toEqual([ROWS, 1, ROWS - 1]);
  });

  it("whose events differ only in a customer attribute are recognised as already imported when imported again", async () => {
    // The attribute makes every row of the file different, while the events (customer, time, name…) are all the same.
    const numbered = t.file(
      "numbered.csv",
      `email,ts,event,visit\n${Array.from({ length: ROWS }, (_, i) => `ana@example.com,2024-03-01T09:00:00Z,Visited site,${i}\n`).join("")}`,
    );
    const mapping: ImportMappingInput = { columns: { ...MAPPING.columns, visit: { role: "attribute" } } };
    const first = await importEvents(t.db, { path: numbered, source: { name: "Web" }, mapping });
    expect(first.eventsStored).toBe(ROWS);
    const error = await rejection<ImportError>(
      importEvents(t.db, { path: numbered, source: { name: "Web" }, mapping }),
    );
    expect([error.code, error.row, error.message]).toEqual([
      "duplicate_event",
      1,
      `numbered.csv, row 1: repeats an event this source already has (row 1 of import ${first.importId}; ${ROWS} such rows); set duplicates to "skip" to import only the new events`,
    ]);
    const again = await importEvents(t.db, {
      path: numbered,
      source: { name: "Web" },
      mapping: { ...mapping, duplicates: "skip" },
    });
    expect([again.eventsStored, again.duplicatesSkipped]).toEqual([0, ROWS]);
  });
});
