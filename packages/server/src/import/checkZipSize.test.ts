import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkZipSize } from "./checkZipSize.js";

async function workbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Map");
  for (let i = 0; i < rows; i++) ws.addRow(["x".repeat(200), i]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("ZIP size check before unpacking a workbook", () => {
  it("lets a normal workbook through and refuses one that unpacks past the limit, before inflating it", async () => {
    const small = await workbook(10);
    expect(() => checkZipSize(small, "small.xlsx")).not.toThrow();
    // Highly repetitive rows compress about a hundredfold: a small upload, a large unpacked size.
    const bomb = await workbook(20_000);
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(() => checkZipSize(bomb, "bomb.xlsx", 2 * 1024 * 1024)).toThrow("bomb.xlsx: the workbook unpacks to more than 2 MB");
  });

  it("names a file that is no ZIP at all", () => {
    expect(() => checkZipSize(new TextEncoder().encode("PK\u0003\u0004 truncated"), "cut.xlsx")).toThrow("cut.xlsx: not a readable Excel workbook (no ZIP directory)");
  });
});
