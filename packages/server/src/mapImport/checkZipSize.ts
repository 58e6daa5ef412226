import { createInflateRaw } from "node:zlib";
import { importFileError } from "./importFileError.js";

/** Largest total an uploaded workbook may unpack to; a few megabytes of XML per sheet is already a big map. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/**
 * Refuses a ZIP (an .xlsx, or a .zip holding a map file) that unpacks to more than `limit` bytes — a "zip bomb" — before exceljs loads it, by
 * inflating every part the way exceljs' reader (JSZip) finds them, through the central directory, and counting the
 * bytes that really come out; each chunk is dropped as it is counted and inflating stops past the limit. The sizes
 * the ZIP declares are not trusted: a 1 MB file declaring 1 KB can inflate to 1 GB. Returns the parts it checked.
 */
export async function checkZipSize(
  bytes: Uint8Array,
  fileName: string,
  limit = MAX_UNZIPPED_BYTES,
  what = "workbook",
): Promise<ZipPart[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = what === "workbook" ? "Excel workbook" : what;
  const damaged = (problem: string) => importFileError(fileName, `not a readable ${kind} (${problem})`);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 65535 bytes).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged("no ZIP directory");
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries > MAX_ENTRIES)
    throw importFileError(fileName, `the ${what} holds ${entries} parts; at most ${MAX_ENTRIES} are read`);
  let total = 0;
  const parts: ZipPart[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      throw damaged("damaged ZIP directory");
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const local = view.getUint32(offset + 42, true);
    // Parts of 4 GB (ZIP64 markers) have no place in a workbook small enough to upload.
    if (compressed === 0xffffffff || local === 0xffffffff) throw damaged("a part too large for a workbook");
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged("damaged ZIP part");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw damaged("a part runs past the end of the file");
    const data = bytes.subarray(start, start + compressed);
    const nameLength = view.getUint16(offset + 28, true);
    parts.push({ name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)), method, data });
    if (method === 0) total += compressed;
    else if (method === 8)
      total += await inflatedSize(data, limit - total).catch(() => Promise.reject(damaged("a part does not inflate")));
    else throw damaged(`a part is compressed with method ${method}, which is not read`);
    if (total > limit)
      throw importFileError(fileName, `the ${what} unpacks to more than ${Math.round(limit / 1024 / 1024)} MB`);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return parts;
}

/** One part of a checked ZIP: its name, how it is stored (0 stored, 8 deflated) and its bytes as stored. */
export interface ZipPart {
  name: string;
  method: number;
  data: Uint8Array;
}

/** The bytes raw-deflated `data` inflates to, counted as they come out; stops once past `max` (and returns more than it). */
function inflatedSize(data: Uint8Array, max: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", reject);
    inflate.end(data);
  });
}
