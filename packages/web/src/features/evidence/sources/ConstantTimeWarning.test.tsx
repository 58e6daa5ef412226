// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import { ConstantTimeWarning } from "./ConstantTimeWarning.js";
import type { MappingDraft, RoleKey } from "./mappingDraft.js";

afterEach(cleanup);

// Tickets: "opened" is each ticket's start date, the same on all its rows; "at" is when each event happened.
const header = ["ticket", "opened", "at", "event"];
const rows = [
  ["t1", "2024-01-01", "2024-01-01T09:00:00Z", "opened"],
  ["t1", "2024-01-01", "2024-01-03T10:00:00Z", "answered"],
  ["t2", "2024-01-02", "2024-01-02T08:00:00Z", "opened"],
  ["t2", "2024-01-02", "2024-01-09T12:00:00Z", "closed"],
];

const draft = (time: string): MappingDraft => ({
  columns: header.map((column) => ({
    column,
    role: (column === "ticket"
      ? "identifier:customerId"
      : column === time
        ? "timestamp"
        : column === "event"
          ? "event"
          : "ignore") as RoleKey,
    name: "",
  })),
  timestampFormat: "auto",
  timeZone: "",
  eventName: "",
  channel: "",
  otherColumns: "ignore",
  duplicates: "error",
});

describe("the mapping form's check of the chosen time column", () => {
  it("warns, in the reader's language, when the chosen time column never changes within a customer", () => {
    renderWithI18n(<ConstantTimeWarning draft={draft("opened")} header={header} rows={rows} />, "ru");
    expect(screen.getByTestId("constant-time-warning").textContent).toContain(
      "У выбранного столбца времени «opened» в первых прочитанных строках (4)",
    );
  });

  it("says nothing once the user chooses the column that says when each event happened", () => {
    renderWithI18n(<ConstantTimeWarning draft={draft("at")} header={header} rows={rows} />);
    expect(screen.queryByTestId("constant-time-warning")).toBeNull();
  });
});
