import { importFileError } from "./importFileError.js";

/**
 * Decodes a text file: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, as spreadsheet
 * programs save "Unicode text". Anything else is refused with a clear error instead of being read as mojibake.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    let offset = 0;
    // Find where decoding breaks, so the error can say which line holds the bad bytes.
    for (let step = 1 << 20; step >= 1; step >>= 1) {
      while (offset + step <= bytes.length) {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, offset + step));
          offset += step;
        } catch {
          break;
        }
      }
    }
    const line = new TextDecoder().decode(bytes.subarray(0, offset)).split("\n").length;
    throw importFileError(
      `${fileName} line ${line}`,
      "the file is not UTF-8 text (save it as UTF-8, e.g. “CSV UTF-8” in Excel)",
    );
  }
}
