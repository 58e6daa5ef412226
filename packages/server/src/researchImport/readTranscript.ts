import { decodeTextBytes, ImportError } from "@opencjm/analytics";
import {
  RESEARCH_NOTE_TEXT_MAX,
  RESEARCH_UPLOAD_MAX_BYTES,
  type NoteFormat,
  type TranscriptSegment,
} from "@opencjm/core";
import mammoth from "mammoth";
import { DomainError } from "../errors/DomainError.js";
import { checkDocxArchive } from "./checkDocxArchive.js";
import { parseSubtitles } from "./parseSubtitles.js";

/** A transcript file turned into a note's text. */
export interface Transcript {
  format: Exclude<NoteFormat, "typed">;
  text: string;
  segments: TranscriptSegment[];
  /** The text encoding it was read in; null for .docx (Word says its own). */
  charset: string | null;
}

const FORMAT_BY_EXTENSION: Record<string, Transcript["format"]> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  docx: "docx",
  vtt: "vtt",
  srt: "srt",
};

const refuse = (code: string, message: string, kind: "invalid" | "too_large" = "invalid") =>
  new DomainError({ kind, code, message });

function formatOf(file: string, bytes: Buffer): Transcript["format"] {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? "";
  const format = FORMAT_BY_EXTENSION[extension];
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    throw refuse("transcript_legacy_doc", `"${file}" is a Word 97–2003 document; save it as .docx`);
  if (!format)
    throw refuse("transcript_format", `"${file}" is not a transcript we read (.txt, .md, .docx, .vtt or .srt)`);
  if (format === "docx" && bytes.readUInt32LE(0) !== 0x04034b50)
    throw refuse("transcript_not_docx", `"${file}" is not a Word .docx file (it is not a ZIP archive)`);
  return format;
}

/** Decodes a text file, turning the importer's encoding errors into the transcript's own. */
function decode(bytes: Buffer, file: string, charset: string | undefined): { text: string; charset: string } {
  try {
    const decoded = decodeTextBytes(bytes, { encoding: charset, file });
    return { text: decoded.text, charset: decoded.encoding };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (charset !== undefined && error.code === "unknown_encoding")
      throw refuse("transcript_unknown_charset", `"${charset}" is not an encoding we read`);
    if (error.code === "unknown_encoding")
      throw refuse(
        "transcript_unknown_encoding",
        `cannot tell the text encoding of "${file}"; give it as charset (utf-8, gb18030, big5, windows-1251, windows-1256)`,
      );
    const line = /line (\d+)/.exec(error.reason)?.[1] ?? "1";
    const encoding = /not valid (\S+?);/.exec(error.reason)?.[1] ?? charset ?? "utf-8";
    throw refuse("transcript_bad_encoding", `line ${line} of "${file}" has bytes that are not valid ${encoding}`);
  }
}

async function docxText(bytes: Buffer, file: string): Promise<string> {
  checkDocxArchive(bytes, file);
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw refuse("transcript_docx_damaged", `"${file}" is damaged or is not a Word document`);
  }
}

/**
 * Reads an uploaded transcript whole: plain text or Markdown in any encoding the event import reads (detected, or
 * `charset`), Word .docx through mammoth after a zip bomb check, WebVTT and SRT with speakers and times. Refuses, with
 * a message naming the problem, a file over the size limit, of another kind, damaged, undecodable or without text.
 */
export async function readTranscript(input: { file: string; bytes: Buffer; charset?: string }): Promise<Transcript> {
  const { file, bytes } = input;
  if (bytes.length > RESEARCH_UPLOAD_MAX_BYTES)
    throw refuse(
      "transcript_too_large",
      `"${file}" is ${bytes.length} bytes, over the ${RESEARCH_UPLOAD_MAX_BYTES} bytes a transcript may be`,
      "too_large",
    );
  const format = formatOf(file, bytes);
  let text: string;
  let charset: string | null = null;
  if (format === "docx") {
    text = await docxText(bytes, file);
  } else {
    ({ text, charset } = decode(bytes, file, input.charset));
    if (text.includes("\u0000")) throw refuse("transcript_binary", `"${file}" is not text (it holds binary bytes)`);
  }
  text = text.replace(/\r\n?/g, "\n");
  let segments: TranscriptSegment[] = [];
  if (format === "vtt" || format === "srt") ({ text, segments } = parseSubtitles(text, format, file));
  else text = text.replace(/\n{3,}/g, "\n\n").trim();
  if (text.trim() === "") throw refuse("transcript_empty", `"${file}" holds no text`);
  if (text.length > RESEARCH_NOTE_TEXT_MAX)
    throw refuse(
      "transcript_too_long",
      `"${file}" holds ${text.length} characters, over the ${RESEARCH_NOTE_TEXT_MAX} a note may hold`,
      "too_large",
    );
  return { format, text, segments, charset };
}
