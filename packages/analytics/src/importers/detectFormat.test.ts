import { translate, type ErrorMessageKey } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./detectFormat.js";
import { ImportError } from "./ImportError.js";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array<number>(16).fill(0x20)]);
const text = (s: string) => new TextEncoder().encode(s);

/** The refusal of a file, as thrown. */
function refusal(fileName: string, sample: Uint8Array): ImportError {
  try {
    detectFormat(fileName, sample);
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error(`${fileName} was not refused`);
}

describe("the event import's refusal of a file it cannot read", () => {
  const cases: Array<[string, Uint8Array, string, Record<string, string>]> = [
    ["report.pdf", text("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "pdf", {}],
    ["journey.yaml", text("---\nkind: cjm\nname: Checkout\nstages:\n  - name: Buy\n"), "yaml", {}],
    ["photo.png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "image", { kind: "PNG" }],
    ["photo.jpeg", bytes(0xff, 0xd8, 0xff, 0xe0), "image", { kind: "JPEG" }],
    ["old.xls", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "xls", {}],
    [
      "sheet.ods",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...text("....mimetypeapplication/vnd.oasis.opendocument.spreadsheet")]),
      "ods",
      {},
    ],
    ["model.bpmn", text('<?xml version="1.0"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN"/>'), "xml", {}],
    ["page.htm", text("<!DOCTYPE html><html><body>hi</body></html>"), "html", {}],
  ];

  it.each(cases)("names what %s looks like, in a sentence of the errors catalogue", (file, sample, kind, values) => {
    const err = refusal(file, sample);
    expect(err.code).toBe("unknown_format");
    const key = `unknown_format.${kind}` as ErrorMessageKey;
    // The sentence thrown is the catalogue's, so every reader gets it in their language.
    expect(err.message).toBe(translate("en", "errors", key, { file, ...values }));
    expect(translate("ru", "errors", key, { file, ...values })).not.toBe(err.message);
  });

  it("still reads what it can tell, and says so when the bytes say nothing", () => {
    expect(detectFormat("events.yaml", text('[{"a":1}]'))).toBe("json");
    expect(detectFormat("events.xml", text('<?xml version="1.0"?><log xes.version="1.0">'))).toBe("xes");
    expect(refusal("notes.md", text("just some words")).message).toBe(
      translate("en", "errors", "unknown_format.name", { file: "notes.md", name: "notes.md" }),
    );
  });
});
