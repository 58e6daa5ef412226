import { closeSync, openSync, ftruncateSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getImport, listImports } from "./importRecord.js";
import { importEvents, type ImportEventsOptions } from "./importEvents.js";
import { ImportError } from "./ImportError.js";
import { SAMPLE_MAPPING, sampleDelimited } from "./testing/sampleEvents.js";
import { openTestWorkspace, rejection, type TestWorkspace } from "./testing/testWorkspace.js";

let t: TestWorkspace;
let before: Record<string, string>;

beforeEach(async () => {
  t = await openTestWorkspace();
  // A workspace that already holds data, so "nothing changed" is a real claim.
  await importEvents(t.db, {
    path: t.file("good.csv", sampleDelimited()),
    source: { name: "Shop" },
    mapping: SAMPLE_MAPPING,
  });
  before = await t.fingerprint();
});
afterEach(() => t.dispose());

/** Imports a file into the existing source and returns the refusal, checking that no data table changed. */
async function refused(
  name: string,
  content: string | Uint8Array,
  options: Partial<ImportEventsOptions> = {},
): Promise<ImportError> {
  const path = t.file(name, content);
  const error = await importEvents(t.db, { path, source: { name: "Shop" }, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await t.fingerprint()).toEqual(before);
  return error as ImportError;
}

const header = "email,phone,ts,event,channel,score,kind,text,plan";

describe("bad input is refused with a specific message and leaves every table as it was", () => {
  it("a 0-byte file", async () => {
    const e = await refused("empty.csv", "");
    expect([e.code, e.message]).toEqual(["empty_file", "empty.csv: the file is empty (0 bytes)"]);
  });

  it("a header-only file", async () => {
    const e = await refused("header.csv", `${header}\n`);
    expect([e.code, e.message]).toEqual([
      "header_only",
      "header.csv: the file has a header (9 columns) but no data rows",
    ]);
  });

  it("a binary file renamed .csv", async () => {
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
      ...Array(200).fill(7),
    ]);
    const e = await refused("photo.csv", png);
    expect(e.code).toBe("binary_file");
    expect(e.message).toMatch(/^photo\.csv: the file is not text: binary data at byte \d+/);
  });

  it("a spreadsheet renamed .csv", async () => {
    const e = await refused("book.csv", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0, ...Array(100).fill(1)]));
    expect([e.code, e.message]).toEqual([
      "binary_file",
      "book.csv: the file is a ZIP archive (an XLSX workbook?), not CSV; import it as xlsx",
    ]);
  });

  it("ragged rows, named by row and line", async () => {
    const e = await refused(
      "ragged.csv",
      `${header}\na@x.org,,2024-01-01T00:00:00Z,Visit,web,,,,\nb@x.org,,2024-01-01T00:00:00Z,Visit,web\n`,
    );
    expect([e.code, e.row, e.message]).toEqual([
      "ragged_row",
      2,
      'ragged.csv, row 2: has 5 columns but the header has 9 (a ragged row, or an unquoted delimiter inside a value) (line 3: "b@x.org,,2024-01-01T00:00:00Z,Visit,web")',
    ]);
  });

  it("the wrong delimiter given explicitly", async () => {
    const e = await refused("semicolons.csv", sampleDelimited(";"), { delimiter: "," });
    expect(e.code).toBe("unknown_column");
    expect(e.message).toContain("(the whole header is one column: is the delimiter right?)");
  });

  it("an unparseable date, with its row, column and value", async () => {
    const e = await refused(
      "dates.csv",
      `${header}\na@x.org,,2024-01-01T10:00:00Z,Visit,web,,,,\na@x.org,,yesterday at noon,Visit,web,,,,\n`,
    );
    expect([e.code, e.row, e.column, e.message]).toEqual([
      "bad_timestamp",
      2,
      "ts",
      'dates.csv, row 2, column "ts": "yesterday at noon" is not a valid timestamp (ISO 8601, as in the other rows)',
    ]);
  });

  it("ambiguous day/month order", async () => {
    const e = await refused(
      "ambiguous.csv",
      `${header}\na@x.org,,01/02/2024,Visit,web,,,,\nb@x.org,,03/04/2024 10:00,Visit,web,,,,\n`,
    );
    expect([e.code, e.column]).toEqual(["ambiguous_date", "ts"]);
    expect(e.message).toBe(
      'ambiguous.csv, column "ts": dates like "01/02/2024" (row 1) could be day/month/year or month/day/year, and no date in the file decides it; give timestampFormat "dmy" or "mdy" (CLI: --timestamp-format)',
    );
  });

  it("mixed time zones: some timestamps with an offset, some without, and no zone given", async () => {
    const e = await refused(
      "zones.csv",
      `${header}\na@x.org,,2024-01-01 10:00:00+01:00,Visit,web,,,,\na@x.org,,2024-01-01 11:00:00,Visit,web,,,,\n`,
    );
    expect([e.code, e.message]).toEqual([
      "mixed_time_zones",
      'zones.csv, column "ts": mixes timestamps with an offset (row 1: "2024-01-01 10:00:00+01:00") and without one (row 2: "2024-01-01 11:00:00"); give the time zone of the ones without (mapping timeZone, CLI --time-zone)',
    ]);
  });

  it("duplicated events in one file", async () => {
    const row = "c@x.org,,2024-01-01T10:00:00Z,Visit,web,,,,";
    const e = await refused("dupes.csv", `${header}\n${row}\nd@x.org,,2024-01-01T10:00:00Z,Visit,web,,,,\n${row}\n`);
    expect([e.code, e.row, e.message]).toEqual([
      "duplicate_event",
      3,
      'dupes.csv, row 3: repeats row 1 exactly (1 repeated row in the file); set duplicates to "skip" to import each event once',
    ]);
  });

  it("a file imported twice into the same source", async () => {
    const e = await refused("again.csv", sampleDelimited());
    expect([e.code, e.row]).toEqual(["duplicate_event", 1]);
    expect(e.message).toMatch(
      /^again\.csv, row 1: repeats an event this source already has \(row 1 of import imp_\w+; 6 such rows\)/,
    );
  });

  it("an identifier that would merge everyone", async () => {
    const rows = Array.from(
      { length: 150 },
      (_, i) => `user${i}@x.org,+49 170 5550123,2024-01-01T10:${String(i % 60).padStart(2, "0")}:00Z,Called,phone,,,,`,
    );
    const e = await refused("shared.csv", `${header}\n${rows.join("\n")}\n`);
    expect([e.code, e.row, e.column]).toEqual(["identifier_over_cap", 1, "phone"]);
    expect(e.message).toContain(
      'phone "491705550123" appears with 150 different email values, more than the cap of 100',
    );
  });

  it("a score that is not a number, and one off its scale", async () => {
    const nan = await refused("nan.csv", `${header}\na@x.org,,2024-01-01T10:00:00Z,Survey,web,great,csat,,\n`);
    expect([nan.code, nan.message]).toEqual(["bad_score", 'nan.csv, row 1, column "score": "great" is not a number']);
    const off = await refused("off.csv", `${header}\na@x.org,,2024-01-01T10:00:00Z,Survey,web,11,nps,,\n`);
    expect([off.code, off.message]).toEqual([
      "bad_score",
      'off.csv, row 1, column "score": 11 is outside the NPS scale 0–10; give scoreRange if the file uses another scale',
    ]);
  });

  it("rows without any usable identifier", async () => {
    const e = await refused(
      "anonymous.csv",
      `${header}\na@x.org,,2024-01-01T10:00:00Z,Visit,web,,,,\nnull,0000000,2024-01-01T10:00:00Z,Visit,web,,,,\n`,
    );
    expect([e.code, e.row, e.column]).toEqual(["missing_identifier", 2, "email"]);
  });

  it("malformed JSON, named by line", async () => {
    const e = await refused(
      "broken.ndjson",
      '{"email":"a@x.org","ts":"2024-01-01T10:00:00Z","event":"Visit"}\n{"email":"b@x.org","ts":\n',
    );
    expect([e.code, e.row]).toEqual(["malformed_file", 3]);
  });

  it("a file larger than the free disk space (a sparse 10 TB file)", async () => {
    const path = join(t.dir, "huge.csv");
    const fd = openSync(path, "w");
    writeSync(fd, `${header}\n`);
    ftruncateSync(fd, 10 * 1000 ** 4);
    closeSync(fd);
    const error = await rejection<ImportError>(importEvents(t.db, { path, source: { name: "Shop" } }));
    expect(error.code).toBe("not_enough_disk");
    expect(error.message).toMatch(
      /^huge\.csv: importing this 10\.0 TB file needs about 5\.0 TB of free disk space under .+, and only [\d.]+ [GMT]B is free$/,
    );
    expect(await t.fingerprint()).toEqual(before);
  });
});

describe("the import history keeps failures, and only them", () => {
  it("records the failed import with its code, row and column", async () => {
    const e = await refused("dates.csv", `${header}\na@x.org,,not a date,Visit,web,,,,\n`, { importId: "imp_failed" });
    const record = await getImport(t.db.connection, "imp_failed");
    expect(record).toMatchObject({
      status: "failed",
      fileName: "dates.csv",
      error: { code: "bad_timestamp", message: e.message, row: 1, column: "ts" },
    });
    expect((await listImports(t.db.connection)).map((i) => i.status)).toEqual(["failed", "done"]);
  });

  it("a refused first import into a new source leaves no source and no history", async () => {
    const error = await importEvents(t.db, { path: t.file("x.csv", ""), source: { name: "Brand new" } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(await t.fingerprint()).toEqual(before);
    expect(await listImports(t.db.connection)).toHaveLength(1);
  });

  it("a cancelled import stores nothing and is recorded as cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await refused("late.csv", sampleDelimited().replace(/2024-03/g, "2024-04"), {
      signal: controller.signal,
      importId: "imp_cancelled",
    });
    expect([e.code, e.message]).toEqual(["cancelled", "late.csv: the import was cancelled; nothing of it was stored"]);
    expect(await getImport(t.db.connection, "imp_cancelled")).toMatchObject({
      status: "failed",
      error: { code: "cancelled" },
    });
  });

  it("duplicates can be skipped instead", async () => {
    const result = await importEvents(t.db, {
      path: t.file("again.csv", sampleDelimited()),
      source: { name: "Shop" },
      mapping: { ...SAMPLE_MAPPING, duplicates: "skip" },
    });
    expect([result.eventsStored, result.duplicatesSkipped]).toEqual([0, 6]);
  });
});
