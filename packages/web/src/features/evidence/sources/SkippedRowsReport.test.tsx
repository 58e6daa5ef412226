// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import type { ImportRecord } from "@opencjm/core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import { SkippedRowsReport } from "./SkippedRowsReport.js";

afterEach(cleanup);
beforeAll(() => {
  // jsdom has no object URLs; the link only needs an address.
  URL.createObjectURL ??= () => "blob:skipped";
  URL.revokeObjectURL ??= () => undefined;
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

  it("shows nothing for an import that left no row out", () => {
    renderWithI18n(<SkippedRowsReport record={record({ badRowsSkipped: 0 })} />);
    expect(screen.queryByTestId("skipped-rows")).toBeNull();
  });
});
