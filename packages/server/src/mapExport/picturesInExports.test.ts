import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportExcelWorkbook } from "./excelWorkbook.js";
import { templateExportInput } from "./exportFixtures.js";
import { parseGridCsv } from "../mapImport/parseGridCsv.js";
import { exportGridCsv } from "./gridCsv.js";
import { escapeMarkdown, exportMarkdownOutline } from "./markdownOutline.js";
import { PICTURE_CAPTIONS, PICTURE_ELSEWHERE, UPLOADED_PICTURE, withPictures } from "./pictureExportFixture.js";

const BASE64 = UPLOADED_PICTURE.split(",")[1]!.slice(0, 40);

/** Every cell's text of every sheet of a workbook. */
async function workbookTexts(bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void out.push(String(cell.text)))));
  return out;
}

describe("pictures in the text exports (CSV, Excel, Markdown)", () => {
  it.each([
    ["en", `[picture: ${PICTURE_CAPTIONS.uploaded}]`],
    ["fa", `[تصویر: ${PICTURE_CAPTIONS.uploaded}]`],
    ["zh-Hans", `[图片：${PICTURE_CAPTIONS.uploaded}]`],
  ] as const)("name an uploaded picture in %s instead of writing out its data URL", async (locale, named) => {
    const input = withPictures(templateExportInput(locale));
    const csv = exportGridCsv(input);
    const markdown = exportMarkdownOutline(input);
    const workbook = await workbookTexts(await exportExcelWorkbook(input));
    // The Cards sheet's data column holds each card whole, as JSON for the workbook's own import: the picture stays
    // there, so a workbook brought back keeps it. Every cell meant for reading names it.
    const excel = workbook.filter((t) => !t.startsWith("{"));
    expect(workbook.filter((t) => t.includes(UPLOADED_PICTURE))).toHaveLength(1);
    for (const [format, text, name] of [
      ["csv", csv, named],
      ["markdown", markdown, escapeMarkdown(named)],
      ["xlsx", excel.join("\n"), named],
    ] as const) {
      expect([format, text.includes(BASE64), text.includes("data:image")]).toEqual([format, false, false]);
      expect([format, text.includes(name)]).toEqual([format, true]);
      // A picture on another site keeps its address, which a reader can open (and the grid importer reads back).
      expect([format, text.includes(PICTURE_ELSEWHERE)]).toEqual([format, true]);
    }
  });

  it("reads its CSV back: the picture from another site returns, the uploaded one is reported as not in the file", () => {
    const csv = exportGridCsv(withPictures(templateExportInput("en")));
    const draft = parseGridCsv(new TextEncoder().encode(csv), "map.csv");
    const cards = draft.snapshot.cells.flatMap((c) => c.cards).filter((c) => c.kind === "image");
    expect(cards).toMatchObject([{ kind: "image", url: PICTURE_ELSEWHERE, alt: PICTURE_CAPTIONS.elsewhere }]);
    expect(draft.report.dropped).toMatchObject([
      { code: "pictureNotInFile", texts: [`[picture: ${PICTURE_CAPTIONS.uploaded}]`] },
    ]);
    expect(draft.report.dropped[0]!.reason).toContain("JSON export keeps pictures");
  });
});
