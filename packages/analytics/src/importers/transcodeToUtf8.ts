import { createReadStream, createWriteStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import iconv from "iconv-lite";
import { ImportError } from "./ImportError.js";
import type { TextEncoding } from "@opencjm/core";
import { normalizePersian } from "./normalizePersian.js";

/** Options of one transcoding run. */
export interface TranscodeOptions {
  source: string;
  target: string;
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** Replace Arabic yeh/kaf with the Persian letters (for Windows-1256 files). */
  persian: boolean;
  /** File name for messages. */
  file: string;
  onBytes?: (bytesRead: number) => void;
  signal?: AbortSignal;
}

/**
 * Streams a text file into a UTF-8 copy, decoding `encoding` with iconv-lite. A byte sequence that is not valid in
 * that encoding fails the import with the line it is on (instead of storing U+FFFD replacement characters).
 */
export async function transcodeToUtf8(options: TranscodeOptions): Promise<void> {
  let line = 1;
  let bytesRead = 0;
  const input = createReadStream(options.source, { start: options.bomLength, highWaterMark: 1 << 20 });
  input.on("data", (chunk) => {
    bytesRead += chunk.length;
    options.onBytes?.(bytesRead + options.bomLength);
  });
  const check = new Transform({
    decodeStrings: false,
    transform(chunk: string, _enc: BufferEncoding, done: TransformCallback) {
      let text = chunk.startsWith("\uFEFF") && line === 1 ? chunk.slice(1) : chunk;
      const bad = text.indexOf("\uFFFD");
      if (bad >= 0) {
        const before = text.slice(0, bad);
        const at = line + (before.match(/\n/g)?.length ?? 0);
        done(
          new ImportError(
            "bad_encoding",
            `line ${at} has bytes that are not valid ${options.encoding}; check the file's encoding`,
            { file: options.file },
          ),
        );
        return;
      }
      line += text.match(/\n/g)?.length ?? 0;
      if (options.persian) text = normalizePersian(text);
      done(null, text);
    },
  });
  await pipeline(
    input,
    iconv.decodeStream(options.encoding),
    check,
    createWriteStream(options.target, { encoding: "utf8" }),
    { signal: options.signal },
  );
}
