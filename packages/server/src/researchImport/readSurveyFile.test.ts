import { RESEARCH_UPLOAD_MAX_BYTES } from "@opencjm/core";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/DomainError.js";
import { guessSurveyColumns } from "./guessSurveyColumns.js";
import { readSurveyFile } from "./readSurveyFile.js";

const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

async function workbook(rows: unknown[][], fill?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Responses");
  for (const row of rows) sheet.addRow(row);
  fill?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("reading a survey export", () => {
  it("reads a Chinese export saved in GB18030, its encoding detected", async () => {
    const csv = "受访者,您向朋友推荐我们的可能性有多大？,付款的体验如何\nP01,9,付款页面太慢了\nP02,4,很顺利\n";
    const read = await readSurveyFile({ file: "问卷.csv", bytes: iconv.encode(csv, "gb18030") });
    expect(read.charset).toBe("gb18030");
    expect(read.header).toEqual(["受访者", "您向朋友推荐我们的可能性有多大？", "付款的体验如何"]);
    expect(read.rows).toEqual([
      ["P01", "9", "付款页面太慢了"],
      ["P02", "4", "很顺利"],
    ]);
  });

  it("reads a Russian export saved in Windows-1251 with semicolons, as Excel writes it there", async () => {
    const csv = "Код участника;Насколько вы удовлетворены доставкой?;Комментарий\r\nP01;5;Курьер опоздал на час\r\n";
    const read = await readSurveyFile({ file: "опрос.csv", bytes: iconv.encode(csv, "windows-1251") });
    expect(read.charset).toBe("windows-1251");
    expect(read.header[1]).toBe("Насколько вы удовлетворены доставкой?");
    expect(read.rows[0]).toEqual(["P01", "5", "Курьер опоздал на час"]);
  });

  it("reads an .xlsx export's first sheet, a formula cell as its result and never as the formula", async () => {
    const bytes = await workbook(
      [
        ["Email", "NPS", "Why?"],
        ["ana@example.test", 10, "=cmd|' /C calc'!A0"],
      ],
      (s) => {
        s.getCell("B3").value = { formula: "1+1", result: 2 };
        s.getCell("A3").value = "bo@example.test";
      },
    );
    const read = await readSurveyFile({ file: "survey.xlsx", bytes });
    expect(read.charset).toBeNull();
    expect(read.rows).toEqual([
      ["ana@example.test", "10", "=cmd|' /C calc'!A0"],
      ["bo@example.test", "2", ""],
    ]);
  });

  it("refuses a file over the size limit, naming its size", async () => {
    const error = await refusal(
      readSurveyFile({ file: "huge.csv", bytes: Buffer.alloc(RESEARCH_UPLOAD_MAX_BYTES + 1, 0x41) }),
    );
    expect(error.code).toBe("survey_too_large");
    expect(error.kind).toBe("too_large");
  });

  it("refuses a workbook that unpacks far beyond its size as a zip bomb", async () => {
    // A real export with an 80 MB part of zeros added: a few kilobytes on the wire.
    const zip = await JSZip.loadAsync(await workbook([["NPS"], [9]]));
    zip.file("xl/media/pad.bin", Buffer.alloc(80 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(RESEARCH_UPLOAD_MAX_BYTES);
    const error = await refusal(readSurveyFile({ file: "bomb.xlsx", bytes }));
    expect(error.code).toBe("survey_workbook_bomb");
    expect(error.kind).toBe("too_large");
  });

  it("refuses a legacy .xls, bytes in no known encoding, and a file with no respondents", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect((await refusal(readSurveyFile({ file: "old.xls", bytes: xls }))).code).toBe("survey_legacy_xls");
    expect((await refusal(readSurveyFile({ file: "only.csv", bytes: Buffer.from("NPS,Why\n") }))).code).toBe(
      "survey_empty",
    );
    const ragged = Buffer.from("NPS,Why\n9,fine,extra\n");
    expect((await refusal(readSurveyFile({ file: "ragged.csv", bytes: ragged }))).message).toContain("respondent 1");
  });
});

describe("suggested mappings", () => {
  it("reads NPS, CSAT, CES, Likert and free text from headers and answers, and finds the respondent columns", () => {
    const header = [
      "Participant",
      "Email",
      "How likely are you to recommend us?",
      "CSAT",
      "Ease of paying",
      "Trust",
      "Why?",
      "Submitted at",
    ];
    const rows = [
      ["P01", "ana@example.test", "9", "4", "6", "3", "Fast", "2026-01-02"],
      ["P02", "bo@example.test", "3", "2", "2", "5", "Too slow", "2026-01-03"],
    ];
    const guess = guessSurveyColumns(header, rows);
    expect(guess.columns.map((c) => c.suggestedScale)).toEqual([
      null,
      null,
      "nps",
      "csat",
      "ces",
      "likert5",
      "text",
      null,
    ]);
    expect(guess.respondent).toEqual({ column: 1, kind: "email" });
    expect(guess.participantColumn).toBe(0);
  });

  it("reads a Chinese recommend question and a Persian satisfaction question", () => {
    const guess = guessSurveyColumns(["您向朋友推荐我们的可能性有多大？", "چقدر از خرید راضی بودید؟"], [["10", "4"]]);
    expect(guess.columns.map((c) => c.suggestedScale)).toEqual(["nps", "csat"]);
  });
});
