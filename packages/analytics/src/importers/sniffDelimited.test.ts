import { describe, expect, it } from "vitest";
import type { ImportError } from "./ImportError.js";
import { sniffDelimited } from "./sniffDelimited.js";

describe("sniffDelimited", () => {
  it("finds ';' even when values contain commas, and keeps quoted values whole", () => {
    const s = sniffDelimited('name;note;ts\nAna;"hi, there";2024-01-01\nBo;ok;2024-01-02\n', { complete: true });
    expect([s.delimiter, s.header, s.rows]).toEqual([
      ";",
      ["name", "note", "ts"],
      [
        ["Ana", "hi, there", "2024-01-01"],
        ["Bo", "ok", "2024-01-02"],
      ],
    ]);
  });

  it("a ragged row does not make another delimiter win", () => {
    expect(sniffDelimited("a,b,c\n1,2,3\n4,5\n", { complete: true }).delimiter).toBe(",");
  });

  it("finds tabs and pipes", () => {
    expect(sniffDelimited("a\tb\n1\t2\n", { complete: true }).delimiter).toBe("\t");
    expect(sniffDelimited("a|b|c\n1|2|3\n", { complete: true }).delimiter).toBe("|");
  });

  it("drops a row cut off at the end of an incomplete sample", () => {
    expect(sniffDelimited("a,b\n1,2\n3,", { complete: false }).rows).toEqual([["1", "2"]]);
  });

  it("names unnamed columns and refuses a name used twice", () => {
    expect(sniffDelimited(",a\n0,x\n", { complete: true }).header).toEqual(["column1", "a"]);
    const error = (() => {
      try {
        sniffDelimited("a,b,a\n1,2,3\n", { complete: true, file: "f.csv" });
      } catch (e) {
        return e as ImportError;
      }
    })();
    expect(error?.message).toBe('f.csv, column "a": the header names column "a" twice (columns 1 and 3)');
  });
});
