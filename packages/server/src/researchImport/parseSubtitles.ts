import type { TranscriptSegment } from "@opencjm/core";
import { DomainError } from "../errors/DomainError.js";

/** A subtitle file read as a note: one line per cue ("Speaker: words"), and the timed parts pointing into it. */
export interface ParsedSubtitles {
  text: string;
  segments: TranscriptSegment[];
}

// 00:01:02,345 (SRT) or 00:01:02.345 / 01:02.345 (WebVTT); hours may run past 99 in long recordings.
const TIME = String.raw`(?:(\d{1,3}):)?(\d{2}):(\d{2})[.,](\d{3})`;
const TIMING = new RegExp(`^\\s*${TIME}\\s+-->\\s+${TIME}(?:\\s.*)?$`);
// "Interviewer: …" or "P07: …" at the start of a cue names who speaks (a name of at most 40 letters, digits, spaces).
const SPEAKER_PREFIX = /^([\p{L}\p{N}][\p{L}\p{N} ._'’-]{0,39}):\s+(.*)$/su;
// WebVTT names the voice as <v Name> (or <v.class Name>).
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/;

const ms = (h: string | undefined, m: string, s: string, f: string) =>
  ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f);

function subtitleError(
  code: "subtitle_bad_timing" | "subtitle_no_header" | "subtitle_time_order" | "transcript_empty",
  message: string,
) {
  return new DomainError({ kind: "invalid", code, message });
}

interface Cue {
  speaker: string | null;
  startMs: number;
  endMs: number;
  words: string;
}

/** The speaker and plain words of a cue's text lines: WebVTT voice tags and other markup dropped. */
function readCueText(lines: string[], format: "vtt" | "srt"): { speaker: string | null; words: string } {
  let joined = lines.join("\n");
  let speaker: string | null = null;
  const voice = format === "vtt" ? VOICE.exec(joined) : null;
  if (voice) speaker = voice[1]!.trim();
  // Tags (<i>, <c.loud>, </v>, <00:00:05.000>) carry no words; entities are WebVTT's escapes.
  joined = joined
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .trim();
  if (speaker === null) {
    const prefix = SPEAKER_PREFIX.exec(joined);
    if (prefix) {
      speaker = prefix[1]!.trim();
      joined = prefix[2]!.trim();
    }
  }
  return { speaker, words: joined };
}

/**
 * Reads a WebVTT or SRT file: each cue's times, speaker (a WebVTT voice, or a "Name:" prefix) and words. A cue whose
 * time line is malformed or runs backwards is refused with its line number; a file without cues is refused too.
 */
export function parseSubtitles(source: string, format: "vtt" | "srt", file: string): ParsedSubtitles {
  const lines = source.split("\n");
  const cues: Cue[] = [];
  let i = 0;
  if (format === "vtt") {
    if (!/^WEBVTT(?:\s|$)/.test(lines[0] ?? ""))
      throw subtitleError("subtitle_no_header", `"${file}" does not start with WEBVTT, as a WebVTT file must`);
    while (i < lines.length && lines[i]!.trim() !== "") i++; // the header block
  }
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === "") i++;
    if (i >= lines.length) break;
    const block: { line: number; text: string }[] = [];
    while (i < lines.length && lines[i]!.trim() !== "") block.push({ line: i + 1, text: lines[i++]! });
    if (format === "vtt" && /^(NOTE|STYLE|REGION)(\s|$)/.test(block[0]!.text)) continue;
    // The time line is the first or, after a cue number or identifier, the second line of a block.
    const timingAt = TIMING.test(block[0]!.text) ? 0 : 1;
    const timingLine = block[timingAt];
    const timing = timingLine ? TIMING.exec(timingLine.text) : null;
    if (!timing || !timingLine) {
      const where = timingLine ?? block[0]!;
      throw subtitleError(
        "subtitle_bad_timing",
        `line ${where.line} of "${file}": expected a time range such as 00:00:01,000 --> 00:00:04,000`,
      );
    }
    const startMs = ms(timing[1], timing[2]!, timing[3]!, timing[4]!);
    const endMs = ms(timing[5], timing[6]!, timing[7]!, timing[8]!);
    if (endMs < startMs)
      throw subtitleError("subtitle_time_order", `line ${timingLine.line} of "${file}": the cue ends before it starts`);
    const { speaker, words } = readCueText(
      block.slice(timingAt + 1).map((l) => l.text),
      format,
    );
    if (words !== "") cues.push({ speaker, startMs, endMs, words });
  }
  if (cues.length === 0) throw subtitleError("transcript_empty", `"${file}" holds no text`);
  let text = "";
  const segments: TranscriptSegment[] = [];
  for (const cue of cues) {
    if (text !== "") text += "\n";
    const textStart = text.length;
    text += cue.speaker ? `${cue.speaker}: ${cue.words}` : cue.words;
    segments.push({ speaker: cue.speaker, startMs: cue.startMs, endMs: cue.endMs, textStart, textEnd: text.length });
  }
  return { text, segments };
}
