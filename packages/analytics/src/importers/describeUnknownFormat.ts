/**
 * What a file the event import cannot read looks like, as the sentence of its refusal (each one an entry
 * `unknown_format.<kind>` of the errors catalogue, so the reader gets it in their language): a PDF, an image, an old
 * Office or OpenDocument spreadsheet, XML that is not an XES event log, a web page or YAML. Undefined when the first
 * bytes say nothing recognisable. The map import names the files it refuses the same way (describeUnreadFile).
 */
export function describeUnknownFormat(sample: Uint8Array): string | undefined {
  const starts = (...magic: number[]) => magic.every((b, i) => sample[i] === b);
  const image = (kind: string) => `the file looks like a ${kind} image, which holds no events to import`;
  if (starts(0x25, 0x50, 0x44, 0x46))
    return "the file looks like a PDF document, which holds no event rows; export the events as CSV or Excel";
  if (starts(0x89, 0x50, 0x4e, 0x47)) return image("PNG");
  if (starts(0xff, 0xd8, 0xff)) return image("JPEG");
  if (starts(0x47, 0x49, 0x46, 0x38)) return image("GIF");
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...sample.subarray(8, 12)) === "WEBP") return image("WebP");
  const text = new TextDecoder("utf-8", { fatal: false })
    .decode(sample.subarray(0, 8192))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return "the file looks like an old Excel workbook (.xls) or another old Office file, which is not read; save it as .xlsx or CSV";
  // An OpenDocument file is a ZIP whose first part names its type.
  if (starts(0x50, 0x4b, 0x03, 0x04) && text.includes("application/vnd.oasis.opendocument.spreadsheet"))
    return "the file looks like an OpenDocument spreadsheet (.ods), which is not read; save it as .xlsx or CSV";
  if (/^<!doctype html|^<html[\s>]/i.test(text)) return "the file looks like a web page (HTML), not an event log";
  if (text.startsWith("<"))
    return "the file is XML but not an XES event log (it has no <log> element); give the events as XES, CSV or JSON";
  if (/^(---\s*\n)?([\w-]+:(\s|$)[^\n]*\n){2,}/.test(text))
    return "the file looks like YAML, which the event import does not read; give the events as CSV, JSON or XES";
  return undefined;
}
