import chardet from "chardet";
import iconv from "iconv-lite";
import { ImportError } from "./ImportError.js";
import type { TextEncoding } from "@opencjm/core";
import { scriptPlausibility } from "./scriptPlausibility.js";

/** The encoding of a text file and how it was decided. */
export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (skipped when decoding). */
  bomLength: number;
  /** 0–1: 1 for a BOM or valid UTF-8, otherwise the detector's confidence weighted by script plausibility. */
  confidence: number;
}

const LEGACY: TextEncoding[] = ["gb18030", "big5", "windows-1251", "windows-1256"];
// chardet's names for encodings we read as one of ours (GB2312 and GBK are subsets of GB18030).
const CHARDET_NAMES: Record<string, TextEncoding> = {
  GB18030: "gb18030",
  GBK: "gb18030",
  GB2312: "gb18030",
  Big5: "big5",
  "windows-1251": "windows-1251",
  "ISO-8859-5": "windows-1251",
  "KOI8-R": "windows-1251",
  "windows-1256": "windows-1256",
  "ISO-8859-6": "windows-1256",
};

/** Drops an incomplete UTF-8 sequence cut off at the end of a sample, so the rest can be checked strictly. */
function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

/** Is the sample valid UTF-8 (allowing a character cut off at its end)? */
export function isValidUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(trimPartialUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects the encoding of a text file from its first bytes: a byte-order mark decides; otherwise valid UTF-8 is
 * UTF-8; otherwise the candidates chardet proposes among GB18030, Big5, Windows-1251 and Windows-1256 are each
 * decoded and weighed by how plausible the result is as Chinese, Russian or Persian/Arabic text.
 */
export function detectEncoding(sample: Uint8Array, file?: string): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: "utf-8", bomLength: 3, confidence: 1 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2, confidence: 1 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", bomLength: 2, confidence: 1 };
  if (isValidUtf8(sample)) return { encoding: "utf-8", bomLength: 0, confidence: 1 };
  const proposed = new Map<TextEncoding, number>();
  for (const match of chardet.analyse(sample)) {
    const ours = CHARDET_NAMES[match.name];
    if (ours && !proposed.has(ours)) proposed.set(ours, match.confidence / 100);
  }
  let best: DetectedEncoding | undefined;
  for (const encoding of LEGACY) {
    const plausibility = scriptPlausibility(encoding, iconv.decode(Buffer.from(sample), encoding));
    // An encoding chardet did not propose can still win on plausibility, at a discount.
    const score = plausibility * (0.5 + 0.5 * (proposed.get(encoding) ?? 0.2));
    if (plausibility >= 0.5 && (!best || score > best.confidence)) best = { encoding, bomLength: 0, confidence: score };
  }
  if (!best) {
    throw new ImportError(
      "unknown_encoding",
      "cannot tell the text encoding (it is not UTF-8, and reads as garbage in GB18030, Big5, Windows-1251 and Windows-1256); give the encoding explicitly",
      { file },
    );
  }
  return best;
}

/** The BOM length for an encoding the caller chose, so the BOM is not read as data. */
export function bomLengthFor(encoding: TextEncoding, sample: Uint8Array): number {
  if (encoding === "utf-8" && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 3;
  if (encoding === "utf-16le" && sample[0] === 0xff && sample[1] === 0xfe) return 2;
  if (encoding === "utf-16be" && sample[0] === 0xfe && sample[1] === 0xff) return 2;
  return 0;
}
