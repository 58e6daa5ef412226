import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { constants, createGunzip, createInflateRaw } from "node:zlib";
import type { Entry } from "unzipper";
import { formatBytes } from "./checkDiskSpace.js";
import { workbookLimits } from "./checkWorkbookSize.js";
import { describeUnknownFormat } from "./describeUnknownFormat.js";
import { ImportError } from "./ImportError.js";
import type { ImportFormat } from "@opencjm/core";

/** The file a compressed upload holds, unpacked to disk. */
export interface UnpackedFile {
  path: string;
  /** Its own name (`log.xes` for `log.xes.gz`), which says its format. */
  fileName: string;
  /** False when only the first bytes were unpacked (a preview) or the upload was only the first bytes. */
  complete: boolean;
}

/** True for the first bytes of a gzip file. */
export const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;
/** True for the first bytes of a ZIP archive (an XLSX workbook is one too). */
export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const WORKBOOK_PART = "[Content_Types].xml";
// Resource forks and folders a ZIP made on a Mac or by hand carries besides the file itself.
const isNoise = (path: string) => path.endsWith("/") || path.startsWith("__MACOSX/") || basename(path) === ".DS_Store";

/**
 * Unpacks a gzip file, or a ZIP archive holding one file (not an XLSX workbook, which is a ZIP of its own), into
 * `workDir`; returns undefined for any other file. The bytes that come out are counted as they come, and unpacking
 * stops past the limits a workbook has (250 MB, or 100 times the file when larger): a "bomb" is refused, never
 * written out. With `maxBytes` only the first bytes are unpacked, which is all a preview reads.
 */
export async function unpackCompressed(
  path: string,
  sample: Uint8Array,
  options: {
    fileName: string;
    fileSize: number;
    workDir: string;
    format?: ImportFormat;
    complete?: boolean;
    maxBytes?: number;
    signal?: AbortSignal;
  },
): Promise<UnpackedFile | undefined> {
  const file = options.fileName;
  const gzip = isGzip(sample);
  const zip = isZip(sample) && options.format !== "xlsx" && !/\.xlsx$/i.test(file);
  if (!gzip && !zip) return undefined;
  // A spreadsheet we do not read (OpenDocument) is a ZIP too: named as what it is, not as an archive of many files.
  const looks = zip ? describeUnknownFormat(sample) : undefined;
  if (looks) throw new ImportError("unknown_format", looks, { file });
  const limit = workbookLimits(options.fileSize).maxInflatedBytes;
  const input = createReadStream(path, { highWaterMark: 1 << 20, signal: options.signal });
  try {
    if (gzip) {
      const inner = file.replace(/\.(gz|gzip|tgz)$/i, "") || "unpacked";
      const target = join(options.workDir, `unpacked-${basename(inner)}`);
      // A sync flush at the end lets the first bytes of a gzip file give what they hold instead of an error.
      const gunzip = createGunzip(options.complete === false ? { finishFlush: constants.Z_SYNC_FLUSH } : {});
      const ended = await copyCounted(input.pipe(gunzip), target, limit, { ...options, what: "gzip file" });
      return { path: target, fileName: inner, complete: ended && options.complete !== false };
    }
    if (options.maxBytes !== undefined) return await unpackFirstEntryStart(sample, limit, options);
    return await unpackSingleEntry(input, limit, options);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    // A damaged ZIP not named .zip is left to the format check, which says what it looks like (a renamed workbook).
    if (zip && !/\.zip$/i.test(file)) return undefined;
    const message = err instanceof Error ? err.message : String(err);
    throw new ImportError("malformed_file", `cannot unpack the ${gzip ? "gzip file" : "ZIP archive"} (${message})`, {
      file,
    });
  } finally {
    input.destroy();
  }
}

/**
 * The first bytes of a ZIP archive's first file, for a preview: read by its local header (the first thing in the
 * archive) and inflated as far as the bytes go, since a preview's upload ends somewhere inside the file.
 */
async function unpackFirstEntryStart(
  sample: Uint8Array,
  limit: number,
  options: { fileName: string; fileSize: number; workDir: string; maxBytes?: number },
): Promise<UnpackedFile | undefined> {
  const view = new DataView(sample.buffer, sample.byteOffset, sample.byteLength);
  const damaged = () => new ImportError("malformed_file", "the ZIP archive is damaged", { file: options.fileName });
  if (sample.length < 30) throw damaged();
  const [flags, method, size] = [view.getUint16(6, true), view.getUint16(8, true), view.getUint32(18, true)];
  const nameLength = view.getUint16(26, true);
  const start = 30 + nameLength + view.getUint16(28, true);
  const path = new TextDecoder().decode(sample.subarray(30, 30 + nameLength));
  if (path === WORKBOOK_PART) return undefined;
  const name = basename(path);
  // With bit 3 set the size follows the data, so the data runs to the end of what we have.
  const data = sample.subarray(start, flags & 8 || size === 0 ? sample.length : start + size);
  if (method !== 0 && method !== 8)
    throw new ImportError("malformed_file", `the ZIP archive is compressed with method ${method}, which is not read`, {
      file: options.fileName,
    });
  const target = join(options.workDir, `unpacked-${name}`);
  const stream =
    method === 0
      ? Readable.from([Buffer.from(data)])
      : Readable.from([Buffer.from(data)]).pipe(createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH }));
  await copyCounted(stream, target, limit, { ...options, complete: false, what: "ZIP archive" });
  return { path: target, fileName: name, complete: false };
}

/** The one file of a ZIP archive; a second file is refused, naming both. */
async function unpackSingleEntry(
  input: Readable,
  limit: number,
  options: { fileName: string; fileSize: number; workDir: string; complete?: boolean; maxBytes?: number },
): Promise<UnpackedFile | undefined> {
  const file = options.fileName;
  const { Parse } = await import("unzipper");
  const zip = Parse({ forceStream: true });
  let current: Entry | undefined;
  input.on("error", (err) => zip.destroy(err));
  // unzipper reports a file that ends inside a part on the archive and leaves the part open: end the part with it.
  zip.on("error", (err: Error) => current?.destroy(err));
  input.pipe(zip);
  let found: UnpackedFile | undefined;
  try {
    for await (const entry of zip as AsyncIterable<Entry>) {
      current = entry;
      entry.on("error", () => undefined); // errors reach the loop over it; one after leaving it is no news
      // A workbook is a ZIP whose first part says so: it is read as a workbook (or refused as one), not unpacked.
      if (entry.path === WORKBOOK_PART && !found) {
        entry.autodrain();
        return undefined;
      }
      if (isNoise(entry.path)) {
        entry.autodrain();
        continue;
      }
      if (found)
        throw new ImportError(
          "unknown_format",
          `the ZIP archive holds more than one file (${found.fileName}, ${basename(entry.path)}); put the one event file in it alone, or unpack it first`,
          { file },
        );
      const target = join(options.workDir, `unpacked-${basename(entry.path)}`);
      const ended = await copyCounted(entry, target, limit, { ...options, what: "ZIP archive" });
      found = { path: target, fileName: basename(entry.path), complete: ended && options.complete !== false };
      // A preview stops at the first file's first bytes; it cannot see whether another follows.
      if (!ended) break;
    }
  } catch (err) {
    // A preview's upload is only the archive's first bytes: the file ending inside it is expected there.
    if (!(err instanceof Error && err.message === "FILE_ENDED" && options.complete === false && found)) throw err;
  } finally {
    zip.destroy();
  }
  if (!found) throw new ImportError("empty_file", "the ZIP archive holds no file", { file });
  return found;
}

/**
 * Writes a stream to `target`, counting its bytes; refuses past `limit`, stops quietly after `maxBytes`. Returns true
 * when the stream ended (the whole file is written). A gzip stream that ends early is an error unless the caller
 * only has the first bytes.
 */
async function copyCounted(
  stream: Readable,
  target: string,
  limit: number,
  options: {
    fileName: string;
    fileSize: number;
    maxBytes?: number;
    complete?: boolean;
    what: string;
    signal?: AbortSignal;
  },
): Promise<boolean> {
  const out = createWriteStream(target);
  // Leaving the loop early (a bomb, enough for a preview) destroys the stream with an AbortError after the loop has
  // stopped listening; errors while reading reach the loop itself.
  stream.on("error", () => undefined);
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted)
        throw new ImportError("cancelled", "the import was cancelled", { file: options.fileName });
      total += chunk.length;
      if (total > limit)
        throw new ImportError(
          "too_large",
          `the ${options.what} unpacks to more than ${formatBytes(limit)} (reading stopped there), far more than a ${formatBytes(options.fileSize)} file holds; it may be a "bomb". Unpack it yourself and import the file`,
          { file: options.fileName },
        );
      if (!out.write(chunk)) await once(out, "drain");
      if (options.maxBytes !== undefined && total >= options.maxBytes) return false;
    }
    return true;
  } catch (err) {
    // The first bytes of an archive end mid-stream: what came out so far is the preview.
    if (options.complete === false && err instanceof Error && /unexpected end of file|FILE_ENDED/i.test(err.message))
      return false;
    throw err;
  } finally {
    await new Promise((resolve) => out.end(resolve));
  }
}
