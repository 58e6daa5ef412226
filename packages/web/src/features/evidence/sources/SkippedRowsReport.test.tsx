// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import type { ImportRecord } from "@opencjm/core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import { SkippedRowsReport } from "./SkippedRowsReport.js";

afterEach(cleanup);
// The downloads made, to read back what the user gets.
const downloads: Blob[] = [];
beforeAll(() => {
  // jsdom has no object URLs; the link only needs an address.
  URL.createObjectURL = (blob: Blob) => {
    downloads.push(blob);
    return `blob:skipped-${downloads.length}`;
  };
  URL.revokeObjectURL ??= () => undefined;
});

const readText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsText(blob);
  });

const record = (summary: Record<string, unknown>): ImportRecord => ({
  importId: "imp_1",
  sourceId: "src_1",
  fileName: "tickets.csv",
  format: "csv",
  encoding: "utf-8",
  status: "done",
  rowsRead: 4,
  eventsStored: 2,
  fileSize: 100,
  error: null,
  startedAt: "2026-01-01T00:00:00Z",
  finishedAt: "2026-01-01T00:00:01Z",
  summary,
});

const SKIPPED = [
  {
    row: 2,
    column: "opened",
    code: "bad_timestamp",
    value: "<b>25:99</b>",
    reason: '"25:99" is not a valid timestamp',
  },
  { row: 3, column: "event", code: "missing_event", value: null, reason: "has no event name" },
];

describe("the rows an import left out", () => {
  it("lists each skipped row with its column, problem in the reader's language and value, as inert text", () => {
    renderWithI18n(<SkippedRowsReport record={record({ badRowsSkipped: 2, skippedRows: SKIPPED })} />, "ru");
    expect(screen.getByRole("status").textContent).toBe("Пропущено строк: 2");
    const rows = screen.getAllByTestId("skipped-row");
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["2", "3"]);
    expect(within(rows[0]!).getAllByRole("cell")[3]!.textContent).toBe("<b>25:99</b>");
    expect(rows[0]!.querySelector("b")).toBeNull();
    expect(screen.getByTestId("skipped-rows-download").getAttribute("download")).toBe("tickets.csv.skipped-rows.csv");
  });

  it("downloads every listed row as CSV, with cells that a spreadsheet would run as formulas made inert", async () => {
    const hostile = [
      { row: 2, column: "=col", code: "bad_timestamp", value: '=HYPERLINK("http://x")', reason: "not a time" },
      { row: 3, column: "event", code: "missing_event", value: "+1", reason: "-bad" },
      { row: 4, column: "@who", code: "bad_timestamp", value: "plain, with comma", reason: "ok" },
    ];
    renderWithI18n(<SkippedRowsReport record={record({ badRowsSkipped: 3, skippedRows: hostile })} />);
    const href = screen.getByTestId("skipped-rows-download").getAttribute("href")!;
    const csv = await readText(downloads[Number(href.split("-").at(-1)) - 1]!);
    expect(csv.split("\n")).toEqual([
      "row,column,code,value,reason",
      `2,'=col,bad_timestamp,"'=HYPERLINK(""http://x"")",not a time`,
      "3,event,missing_event,'+1,'-bad",
      `4,'@who,bad_timestamp,"plain, with comma",ok`,
      "",
    ]);
  });

  it("shows nothing for an import that left no row out", () => {
    renderWithI18n(<SkippedRowsReport record={record({ badRowsSkipped: 0 })} />);
    expect(screen.queryByTestId("skipped-rows")).toBeNull();
  });
});
