import { inflateRawSync } from "node:zlib";
import { DomainError } from "../errors/DomainError.js";

/** How much a .docx may hold once unpacked. */
export interface DocxLimits {
  /** Parts (files) in the archive. */
  maxEntries: number;
  /** Bytes of all parts together, as they really inflate (not as the archive declares). */
  maxInflatedBytes: number;
}

/** A Word transcript is a few dozen parts and some megabytes of XML; pictures add little after our 3 MiB cap. */
export const DOCX_LIMITS: DocxLimits = { maxEntries: 1000, maxInflatedBytes: 100 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const bomb = (file: string, limits: DocxLimits) =>
  new DomainError({
    kind: "too_large",
    code: "transcript_docx_bomb",
    message: `"${file}" unpacks to more than ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB or holds more than ${limits.maxEntries} parts; it may be a zip bomb`,
  });
const damaged = (file: string) =>
  new DomainError({
    kind: "invalid",
    code: "transcript_docx_damaged",
    message: `"${file}" is damaged or is not a Word document`,
  });

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}

/**
 * Walks a .docx's central directory (the index mammoth's ZIP reader trusts) and inflates every part with a cap on
 * its output, before mammoth sees the file: a zip bomb is refused by the bytes it really unpacks to and by its number
 * of parts, whatever sizes it declares. Only stored and deflated parts are accepted, as Word writes them.
 */
export function checkDocxArchive(bytes: Buffer, file: string, limits: DocxLimits = DOCX_LIMITS): void {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) throw damaged(file);
  const declaredEntries = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (declaredEntries > limits.maxEntries) throw bomb(file, limits);
  let at = directoryOffset;
  let entries = 0;
  let inflated = 0;
  while (at + 46 <= end && bytes.readUInt32LE(at) === CENTRAL) {
    entries += 1;
    if (entries > limits.maxEntries) throw bomb(file, limits);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) throw damaged(file);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw damaged(file);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const room = limits.maxInflatedBytes - inflated;
    if (method === 0) {
      inflated += data.length;
    } else if (method === 8) {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) }).length;
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
          throw bomb(file, limits);
        throw damaged(file);
      }
    } else {
      throw damaged(file);
    }
    if (inflated > limits.maxInflatedBytes) throw bomb(file, limits);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries === 0) throw damaged(file);
}
