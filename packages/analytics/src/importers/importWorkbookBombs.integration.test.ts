import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importEvents } from "./importEvents.js";
import { ImportError } from "./ImportError.js";
import { previewFile } from "./previewFile.js";
import { buildZip, deflateRepeated } from "./testing/buildZip.js";
import { SAMPLE_MAPPING, writeSample } from "./testing/sampleEvents.js";
import { openTestWorkspace, rejection, type TestWorkspace } from "./testing/testWorkspace.js";

// Regression (issue 11): workbooks were trusted to unpack to what they declare, a preview converted the whole sheet,
// and one huge cell was held in memory whole. The bomb files are made here, never committed.

let t: TestWorkspace;
let before: Record<string, string>;

beforeEach(async () => {
  t = await openTestWorkspace();
  await importEvents(t.db, {
    path: await writeSample("xlsx", join(t.dir, "good.xlsx")),
    source: { name: "Shop" },
    mapping: SAMPLE_MAPPING,
  });
  before = await t.fingerprint();
});
afterEach(() => t.dispose());

/** Imports a file into the existing source and previews it; both must refuse it, and no data table may change. */
async function refusedByBoth(path: string, fileName: string): Promise<[ImportError, ImportError]> {
  const imported = await rejection<ImportError>(
    importEvents(t.db, { path, fileName, source: { name: "Shop" }, mapping: SAMPLE_MAPPING }),
  );
  const previewed = await rejection<ImportError>(previewFile(path, { fileName, complete: true }));
  expect(imported).toBeInstanceOf(ImportError);
  expect(previewed).toBeInstanceOf(ImportError);
  expect(await t.fingerprint()).toEqual(before);
  return [imported, previewed];
}

describe("workbooks that unpack to far more than they say", { timeout: 120_000 }, () => {
  it("a workbook declaring 1 KB per part whose sheet inflates past 250 MB is refused when the real bytes pass the limit", async () => {
    const row = '<row><c t="inlineStr"><is><t>ana@example.com</t></is></c></row>';
    const sheet = await deflateRepeated(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>',
      row,
      Math.ceil(260_000_000 / row.length),
      "</sheetData></worksheet>",
    );
    const types = deflateRawSync(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    const bomb = buildZip([
      { name: "[Content_Types].xml", deflated: types, declaredSize: 1024 },
      { name: "xl/worksheets/sheet1.xml", deflated: sheet, declaredSize: 1024 },
    ]);
    expect(bomb.length).toBeLessThan(1_000_000);
    const [imported, previewed] = await refusedByBoth(t.file("bomb.xlsx", bomb), "bomb.xlsx");
    for (const e of [imported, previewed]) {
      expect(e.code).toBe("too_large");
      expect(e.message).toMatch(
        /^bomb\.xlsx: the workbook unpacks to more than 250\.0 MB \(reading stopped there\), far more than a \d+\.\d KB workbook holds; it may be a "zip bomb"/,
      );
    }
  });

  it("a cell of 2 MB is refused before exceljs gathers it", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Events");
    sheet.addRow(["email", "ts", "event", "text"]);
    sheet.addRow(["ana@example.com", "2024-03-01T09:00:00Z", "Wrote", "é".repeat(1_000_000)]);
    const path = join(t.dir, "cell.xlsx");
    await workbook.xlsx.writeFile(path);
    const [imported, previewed] = await refusedByBoth(path, "cell.xlsx");
    for (const e of [imported, previewed]) {
      expect(e.code).toBe("too_large");
      expect(e.message).toMatch(
        /^cell\.xlsx: xl\/\w+\.xml in the workbook holds a value longer than 1\.0 MB; a cell holds at most 32,767 characters/,
      );
    }
  });
});

describe("previewing a workbook reads only its first rows", () => {
  it("a bad row after the previewed ones does not stop the preview; the import names it", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Events");
    sheet.addRow(["email", "ts", "event"]);
    for (let i = 1; i <= 50; i++) sheet.addRow([`user${i}@example.com`, "2024-03-01T09:00:00Z", "Visited site"]);
    sheet.addRow(["late@example.com", "2024-03-01T09:00:00Z", "Visited site", "a value beyond the header"]);
    const path = join(t.dir, "later.xlsx");
    await workbook.xlsx.writeFile(path);
    const preview = await previewFile(path, { fileName: "later.xlsx", complete: true });
    expect([preview.header, preview.rows.length, preview.rows[19]]).toEqual([
      ["email", "ts", "event"],
      20,
      ["user20@example.com", "2024-03-01T09:00:00Z", "Visited site"],
    ]);
    const e = await rejection<ImportError>(importEvents(t.db, { path, source: { name: "Shop" } }));
    expect([e.code, e.row]).toEqual(["ragged_row", 51]);
  });
});

describe("a workbook cut off inside a part", () => {
  // Regression: the ZIP reader reports a file ending inside a part on the archive and leaves the part open for ever.
  it("is refused instead of waited on", async () => {
    const whole = readFileSync(await writeSample("xlsx", join(t.dir, "whole.xlsx")));
    for (const cut of [100, 1000, Math.floor(whole.length / 2)]) {
      const path = t.file(`cut${cut}.xlsx`, whole.subarray(0, cut));
      const e = await rejection<ImportError>(previewFile(path, { fileName: "cut.xlsx", complete: true }));
      expect([e.code, e.message]).toEqual([
        "malformed_file",
        "cut.xlsx: the workbook is incomplete: the file ends inside one of its parts (was the upload cut short?)",
      ]);
    }
  });
});

describe("previewing text whose first line never ends", () => {
  it("says the first line is longer than the megabyte previewed", async () => {
    const path = t.file("one-line.csv", `email,ts,event,${"x".repeat(2_000_000)}`);
    const e = await rejection<ImportError>(previewFile(path, { fileName: "one-line.csv", complete: false }));
    expect([e.code, e.message]).toEqual([
      "malformed_file",
      "one-line.csv: the first line is longer than 1.0 MB, far longer than a header or a record; is it really a CSV file?",
    ]);
  });
});
