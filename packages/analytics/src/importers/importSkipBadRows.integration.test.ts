import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importEvents } from "./importEvents.js";
import { ImportError } from "./ImportError.js";
import { SAMPLE_MAPPING } from "./testing/sampleEvents.js";
import { openTestWorkspace, rejection, type TestWorkspace } from "./testing/testWorkspace.js";

let t: TestWorkspace;
beforeEach(async () => {
  t = await openTestWorkspace();
});
afterEach(() => t.dispose());

const header = "email,phone,ts,event,channel,score,kind,text,plan";
// Rows 2, 4, 5 and 6 are bad, each in its own way; rows 1, 3 and 7 are good.
const FILE = [
  header,
  "ana@example.com,,2024-03-01T09:00:00Z,Visited site,web,,,,free",
  "ana@example.com,,yesterday,Signed up,web,,,,pro",
  "bo@example.com,,2024-03-02T10:00:00Z,Called support,phone,4,csat,,",
  "bo@example.com,,2024-03-02T11:00:00Z,,phone,,,,",
  "cy@example.com,,2024-03-03T11:30:00Z,Answered survey,survey,lots,nps,,",
  "cy@example.com,,2024-03-04T12:00:00Z,Answered survey,survey,14,nps,,",
  "cy@example.com,,2024-03-05T12:00:00Z,Visited site,web,,,,basic",
].join("\n");

describe("skipping bad rows on request", () => {
  it("refuses the whole file at the first bad row by default, storing nothing", async () => {
    const error = await rejection<ImportError>(
      importEvents(t.db, { path: t.file("mixed.csv", FILE), source: { name: "Shop" }, mapping: SAMPLE_MAPPING }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect([error.code, error.row, error.column]).toEqual(["bad_timestamp", 2, "ts"]);
    expect(await t.row("SELECT count(*) FROM events")).toEqual([0n]);
  });

  it("imports the good rows and lists each skipped row with its column and reason", async () => {
    const result = await importEvents(t.db, {
      path: t.file("mixed.csv", FILE),
      source: { name: "Shop" },
      mapping: SAMPLE_MAPPING,
      skipBadRows: true,
    });
    expect([result.rowsRead, result.eventsStored, result.badRowsSkipped]).toEqual([7, 3, 4]);
    expect(result.skippedRows.map((r) => [r.row, r.column, r.code, r.value])).toEqual([
      [2, "ts", "bad_timestamp", "yesterday"],
      [4, "event", "missing_event", null],
      [5, "score", "bad_score", "lots"],
      [6, "score", "bad_score", "14"],
    ]);
    expect(result.skippedRows[0]!.reason).toMatch(/^"yesterday" is not a valid timestamp/);
    expect(result.skippedRows[3]!.reason).toBe(
      "14 is outside the NPS scale 0–10; give scoreRange if the file uses another scale",
    );
    // The stored events keep their rows in the file, so a message about one still points at the right line.
    expect(await t.query("SELECT row_number, event_name FROM events ORDER BY row_number")).toEqual([
      [1n, "Visited site"],
      [3n, "Called support"],
      [7n, "Visited site"],
    ]);
    // The history keeps the count and the list, for the import's report and its download.
    const [summary] = (await t.row(`SELECT summary::VARCHAR FROM imports WHERE import_id = '${result.importId}'`)) as [
      string,
    ];
    expect(JSON.parse(summary)).toMatchObject({ badRowsSkipped: 4, skippedRows: result.skippedRows });
  });

  // Row 2 has too few fields, row 4 (after a value with a quoted line break) too many, row 5 a bad timestamp.
  const RAGGED = [
    header,
    "ana@example.com,,2024-03-01T09:00:00Z,Visited site,web,,,,free",
    "ana@example.com,,2024-03-01T10:00:00Z,Signed up",
    'bo@example.com,,2024-03-02T10:00:00Z,Called support,phone,4,csat,"two\nlines",',
    "bo@example.com,,2024-03-02T11:00:00Z,Called again,phone,,,,,extra",
    "cy@example.com,,never,Answered survey,survey,,,,",
    "cy@example.com,,2024-03-05T12:00:00Z,Visited site,web,,,,basic",
  ].join("\n");

  it("refuses a ragged row by default, and with the option lists it with the others, every row keeping its number", async () => {
    const error = await rejection<ImportError>(
      importEvents(t.db, { path: t.file("ragged.csv", RAGGED), source: { name: "Shop" }, mapping: SAMPLE_MAPPING }),
    );
    expect([error.code, error.row]).toEqual(["ragged_row", 2]);
    expect(await t.row("SELECT count(*) FROM events")).toEqual([0n]);

    const result = await importEvents(t.db, {
      path: t.file("ragged.csv", RAGGED),
      source: { name: "Shop" },
      mapping: SAMPLE_MAPPING,
      skipBadRows: true,
    });
    expect([result.rowsRead, result.eventsStored, result.badRowsSkipped]).toEqual([6, 3, 3]);
    expect(result.skippedRows.map((r) => [r.row, r.code])).toEqual([
      [2, "ragged_row"],
      [4, "ragged_row"],
      [5, "bad_timestamp"],
    ]);
    expect(result.skippedRows[0]).toMatchObject({
      value: "ana@example.com,,2024-03-01T10:00:00Z,Signed up",
      reason: expect.stringMatching(/^has 4 columns but the header has 9/),
    });
    expect(result.skippedRows[1]!.reason).toMatch(/^has 10 columns but the header has 9/);
    expect(await t.query("SELECT row_number, event_name FROM events ORDER BY row_number")).toEqual([
      [1n, "Visited site"],
      [3n, "Called support"],
      [6n, "Visited site"],
    ]);
  });

  it("still refuses a quoted value that is never closed, which would swallow the rows after it", async () => {
    const good = "ana@example.com,,2024-03-01T09:00:00Z,Visited site,web,,,,free";
    const file = [header, good, 'bo@example.com,,2024-03-02T10:00:00Z,"Called,web,,,,', good.replace("09", "10")].join(
      "\n",
    );
    const strict = await rejection<ImportError>(
      importEvents(t.db, {
        path: t.file("quote.csv", file),
        source: { name: "Shop" },
        mapping: SAMPLE_MAPPING,
        delimiter: ",",
      }),
    );
    const error = await rejection<ImportError>(
      importEvents(t.db, {
        path: t.file("quote.csv", file),
        source: { name: "Shop" },
        mapping: SAMPLE_MAPPING,
        delimiter: ",",
        skipBadRows: true,
      }),
    );
    expect([error.code, error.row, error.message]).toEqual([strict.code, strict.row, strict.message]);
    expect(error.code).toBe("malformed_file");
    expect(await t.row("SELECT count(*) FROM events")).toEqual([0n]);
  });

  it("still refuses a file none of whose rows can be read, naming the first, and stores nothing", async () => {
    const error = await rejection<ImportError>(
      importEvents(t.db, {
        path: t.file("bad.csv", [header, "ana@example.com,,2024-03-01T09:00:00Z,,web,,,,"].join("\n")),
        source: { name: "Shop" },
        mapping: SAMPLE_MAPPING,
        skipBadRows: true,
      }),
    );
    expect([error.code, error.row, error.column]).toEqual(["missing_event", 1, "event"]);
    expect(error.message).toMatch(/none of the 1 rows can be read, so there is nothing to import$/);
    expect(await t.row("SELECT count(*) FROM events")).toEqual([0n]);
  });

  it("leaves duplicates to their own option: repeated good rows are still refused", async () => {
    const good = "ana@example.com,,2024-03-01T09:00:00Z,Visited site,web,,,,free";
    const error = await rejection<ImportError>(
      importEvents(t.db, {
        path: t.file("dup.csv", [header, good, "ana@example.com,,never,Signed up,web,,,,", good].join("\n")),
        source: { name: "Shop" },
        mapping: SAMPLE_MAPPING,
        skipBadRows: true,
      }),
    );
    expect([error.code, error.row]).toEqual(["duplicate_event", 3]);
  });
});
