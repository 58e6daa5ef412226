import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { checkZipSize } from "./checkZipSize.js";

async function workbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Map");
  for (let i = 0; i < rows; i++) ws.addRow(["x".repeat(200), i]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Rewrites every uncompressed size a ZIP declares (local headers and central directory) to `declared`. */
function declareSizes(zip: Uint8Array, declared: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, declared, true);
    else if (signature === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return bytes;
}

describe("ZIP size check before unpacking a workbook", () => {
  it("lets a normal workbook through and refuses one that unpacks past the limit", async () => {
    const small = await workbook(10);
    await expect(checkZipSize(small, "small.xlsx")).resolves.toEqual(expect.any(Array));
    // Highly repetitive rows compress about a hundredfold: a small upload, a large unpacked size.
    const bomb = await workbook(20_000);
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(checkZipSize(bomb, "bomb.xlsx", 2 * 1024 * 1024)).rejects.toThrow(
      "bomb.xlsx: the workbook unpacks to more than 2 MB",
    );
  });

  // Regression (issue 11): the check added up the sizes the central directory declares, so a ZIP that lies about
  // them passed and was then inflated in full.
  it("counts the bytes a part really inflates to, whatever size the ZIP declares", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet><sheetData>${"<row><c><v>1</v></c></row>".repeat(200_000)}</sheetData></worksheet>`,
    );
    const honest = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    const lying = declareSizes(honest, 1024);
    expect(lying.length).toBeLessThan(100_000);
    await expect(checkZipSize(lying, "liar.xlsx", 2 * 1024 * 1024)).rejects.toThrow(
      "liar.xlsx: the workbook unpacks to more than 2 MB",
    );
    await expect(checkZipSize(lying, "liar.xlsx")).resolves.toEqual(expect.any(Array));
  });

  it("names a file that is no ZIP at all, and a part that does not inflate", async () => {
    await expect(checkZipSize(new TextEncoder().encode("PK\u0003\u0004 truncated"), "cut.xlsx")).rejects.toThrow(
      "cut.xlsx: not a readable Excel workbook (no ZIP directory)",
    );
    const good = await workbook(10);
    const broken = good.slice();
    // The first part's deflated data starts after its 30-byte local header and its name; garble it.
    const start = 30 + new DataView(broken.buffer).getUint16(26, true);
    broken.fill(0xff, start, start + 8);
    await expect(checkZipSize(broken, "garbled.xlsx")).rejects.toThrow(
      "garbled.xlsx: not a readable Excel workbook (a part does not inflate)",
    );
  });
});
