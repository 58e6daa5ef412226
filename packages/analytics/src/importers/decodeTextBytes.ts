import iconv from "iconv-lite";
import { TextEncodingSchema, type TextEncoding } from "@opencjm/core";
import { bomLengthFor, detectEncoding } from "./detectEncoding.js";
import { ImportError } from "./ImportError.js";
import { normalizePersian } from "./normalizePersian.js";

/** A text file read whole: its characters and the encoding they were read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Reads a small text file held in memory (a transcript, a note) as the event import reads its files: the encoding
 * given, or detected among UTF-8/16 and the legacy Chinese, Russian and Persian ones (`unknown_encoding` when none
 * reads as text); bytes invalid in that encoding fail with their line (`bad_encoding`) instead of becoming U+FFFD;
 * Windows-1256 text gets Persian letters.
 */
export function decodeTextBytes(bytes: Uint8Array, options: { encoding?: string; file?: string } = {}): DecodedText {
  const file = options.file;
  let encoding: TextEncoding;
  let bomLength: number;
  if (options.encoding !== undefined) {
    const known = TextEncodingSchema.safeParse(options.encoding.toLowerCase());
    if (!known.success)
      throw new ImportError(
        "unknown_encoding",
        `"${options.encoding}" is not an encoding we read (${TextEncodingSchema.options.join(", ")})`,
        { file },
      );
    encoding = known.data;
    bomLength = bomLengthFor(encoding, bytes);
  } else {
    ({ encoding, bomLength } = detectEncoding(bytes, file));
  }
  let text = iconv.decode(Buffer.from(bytes.subarray(bomLength)), encoding);
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    const line = 1 + (text.slice(0, bad).match(/\n/g)?.length ?? 0);
    throw new ImportError("bad_encoding", `line ${line} has bytes that are not valid ${encoding}; check the encoding`, {
      file,
    });
  }
  return { text: encoding === "windows-1256" ? normalizePersian(text) : text, encoding };
}
