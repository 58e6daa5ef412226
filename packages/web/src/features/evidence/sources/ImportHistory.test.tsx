// @vitest-environment jsdom
import type { ImportRecord } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import { ImportHistory } from "./ImportHistory.js";

afterEach(cleanup);
beforeAll(() => {
  // jsdom has no object URLs; the download link only needs an address.
  URL.createObjectURL ??= () => "blob:skipped";
  URL.revokeObjectURL ??= () => undefined;
});

const record = (importId: string, summary: Record<string, unknown>): ImportRecord => ({
  importId,
  sourceId: "src_1",
  fileName: `${importId}.csv`,
  format: "csv",
  encoding: "utf-8",
  status: "done",
  rowsRead: 4,
  eventsStored: 3,
  fileSize: 100,
  error: null,
  startedAt: "2026-01-01T00:00:00Z",
  finishedAt: "2026-01-01T00:00:01Z",
  summary,
});

describe("the import history", () => {
  it("keeps the rows an import skipped listed and downloadable, long after the import", () => {
    const skipped = record("tickets", {
      badRowsSkipped: 1,
      skippedRows: [{ row: 3, column: "opened", code: "bad_timestamp", value: "25:99", reason: "not a time" }],
    });
    renderWithI18n(<ImportHistory imports={[skipped, record("clean", {})]} sources={[]} />, "zh-Hant");
    const [withSkips, clean] = screen.getAllByTestId("import-row");
    const list = within(withSkips!).getByTestId("history-skipped-rows");
    expect(
      within(list)
        .getAllByTestId("skipped-row")
        .map((r) => r.textContent),
    ).toEqual([expect.stringContaining("25:99")]);
    expect(within(list).getByTestId("skipped-rows-download").getAttribute("download")).toBe(
      "tickets.csv.skipped-rows.csv",
    );
    expect(within(clean!).queryByTestId("history-skipped-rows")).toBeNull();
  });
});
