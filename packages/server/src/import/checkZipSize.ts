import { importFileError } from "./importFileError.js";

/** Largest total an uploaded workbook may unpack to; a few megabytes of XML per sheet is already a big map. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/**
 * Refuses a ZIP (an .xlsx) that would unpack to more than `limit` bytes — a "zip bomb" — before anything is inflated,
 * by adding up the sizes its central directory declares. Sizes of 0xFFFFFFFF (ZIP64) count as too large.
 */
export function checkZipSize(bytes: Uint8Array, fileName: string, limit = MAX_UNZIPPED_BYTES): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 65535 bytes).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw importFileError(fileName, "not a readable Excel workbook (no ZIP directory)");
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries > MAX_ENTRIES) throw importFileError(fileName, `the workbook holds ${entries} parts; at most ${MAX_ENTRIES} are read`);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw importFileError(fileName, "not a readable Excel workbook (damaged ZIP directory)");
    total += view.getUint32(offset + 24, true);
    if (total > limit) throw importFileError(fileName, `the workbook unpacks to more than ${Math.round(limit / 1024 / 1024)} MB`);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
