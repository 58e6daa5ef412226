import { IMPORT_ERROR_CODES } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../../api/apiClient.js";
import en from "../../../i18n/evidence/en.json";
import { EXPLAINED_IMPORT_ERRORS, problemOfError } from "./importProblem.js";

describe("a refused import as the screen explains it", () => {
  it("takes the row and column from the issue's fields", () => {
    const error = new ApiRequestError(422, "bad_timestamp", 'tickets.csv, row 2, column "opened": not a timestamp', [
      { path: "row 2, column opened", message: "not a timestamp", row: 2, column: "opened", code: "bad_timestamp" },
    ]);
    expect(problemOfError(error)).toEqual({
      code: "bad_timestamp",
      row: 2,
      column: "opened",
      message: 'tickets.csv, row 2, column "opened": not a timestamp',
    });
  });

  it("does not read a location out of the words of the path", () => {
    const error = new ApiRequestError(422, "ragged_row", "bad.csv, row 3: ragged", [
      { path: "row 3, column ts", message: "ragged" },
    ]);
    expect(problemOfError(error)).toMatchObject({ row: null, column: null });
  });

  it("has a sentence in the catalogue for every import error code about the file", () => {
    const catalogue: Record<string, unknown> = en;
    expect(EXPLAINED_IMPORT_ERRORS.filter((code) => !catalogue[`importError.${code}`])).toEqual([]);
    expect(IMPORT_ERROR_CODES.filter((code) => !EXPLAINED_IMPORT_ERRORS.includes(code))).toEqual([
      "file_not_found",
      "source_not_found",
      "internal",
    ]);
  });
});
