import type { TranscriptSegment } from "@opencjm/core";

/** A note's text and timed parts with one speaker's turns cut out, and how positions in the old text moved. */
export interface TurnsRemoved {
  text: string;
  segments: TranscriptSegment[];
  /** The spans [start, end) of the old text that were cut, in order. */
  removed: Array<[number, number]>;
  /** How many turns of the speaker were cut. */
  turns: number;
}

// "Interviewer: …" or "P07: …" at the start of a line names who speaks (as subtitle cues do, see parseSubtitles).
const LINE_SPEAKER = /^([\p{L}\p{N}][\p{L}\p{N} ._'’-]{0,39}):[ \t]/gmu;
// A blank line ends a turn: the next paragraph is no longer the speaker's.
const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

const norm = (speaker: string) => speaker.trim().toLocaleLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where turns start in typed text: line-start speaker labels, and the study's codes followed by ":" anywhere. */
function turnStarts(text: string, codes: string[]): Array<{ at: number; speaker: string }> {
  const starts = new Map<number, string>();
  for (const m of text.matchAll(LINE_SPEAKER)) starts.set(m.index, m[1]!);
  // Typed notes of a group often run turns together on one line: "P01: Too many fields. P02: It was fine."
  const known = codes.filter((c) => c.trim() !== "").map((c) => escape(c.trim()));
  if (known.length > 0)
    for (const m of text.matchAll(new RegExp(`(?<=^|\\s)(${known.join("|")}):\\s`, "giu")))
      if (!starts.has(m.index)) starts.set(m.index, m[1]!);
  return [...starts].map(([at, speaker]) => ({ at, speaker })).sort((a, b) => a.at - b.at);
}

/** The spans of typed text spoken by `code`: each from its label to the next turn, blank line or the end. */
function typedTurns(text: string, code: string, codes: string[]): Array<[number, number]> {
  const starts = turnStarts(text, [...codes, code]);
  const breaks = [...text.matchAll(PARAGRAPH_BREAK)].map((m) => m.index);
  const spans: Array<[number, number]> = [];
  starts.forEach((start, i) => {
    if (norm(start.speaker) !== norm(code)) return;
    const next = starts[i + 1]?.at ?? text.length;
    const end = Math.min(next, breaks.find((b) => b > start.at) ?? text.length);
    // The last turn of the text takes the space before it along, so no dangling space or line is left.
    let from = start.at;
    if (end === text.length) while (from > 0 && /\s/.test(text[from - 1]!)) from--;
    spans.push([from, end]);
  });
  return spans;
}

/** The spans of a subtitle transcript's cues spoken by `code`, each with the line break that joined it to the next. */
function cueTurns(text: string, segments: TranscriptSegment[], code: string): Array<[number, number]> {
  return segments.flatMap((s): Array<[number, number]> => {
    if (s.speaker === null || norm(s.speaker) !== norm(code)) return [];
    if (text[s.textEnd] === "\n") return [[s.textStart, s.textEnd + 1]];
    return [[s.textStart > 0 && text[s.textStart - 1] === "\n" ? s.textStart - 1 : s.textStart, s.textEnd]];
  });
}

/** Where a position of the old text lands once `removed` spans are cut (a position inside a span goes to its start). */
export function shiftedPosition(removed: Array<[number, number]>, position: number): number {
  let cut = 0;
  for (const [start, end] of removed) {
    if (start >= position) break;
    cut += Math.min(end, position) - start;
  }
  return position - cut;
}

/** Whether [start, end) of the old text overlaps a cut span. */
export function overlapsRemoved(removed: Array<[number, number]>, start: number, end: number): boolean {
  return removed.some(([s, e]) => start < e && end > s);
}

/**
 * Cuts the turns of the participant with `code` from a shared note: cues whose speaker is the code in a subtitle
 * transcript, or in typed text the passages from a "P01:" label to the next speaker's label (any line-start label, or
 * another of the study's `codes` mid-line) or blank line. The rest of the note is kept as it was.
 */
export function withoutSpeakerTurns(
  text: string,
  segments: TranscriptSegment[],
  code: string,
  codes: string[],
): TurnsRemoved {
  const spans = segments.length > 0 ? cueTurns(text, segments, code) : typedTurns(text, code, codes);
  // Neighbouring cues may both claim the line break between them: overlapping spans are merged.
  const removed: Array<[number, number]> = [];
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    const last = removed[removed.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else if (end > start) removed.push([start, end]);
  }
  if (removed.length === 0) return { text, segments, removed, turns: 0 };
  let kept = "";
  let from = 0;
  for (const [start, end] of removed) {
    kept += text.slice(from, start);
    from = end;
  }
  kept += text.slice(from);
  const shift = (position: number) => shiftedPosition(removed, position);
  const keptSegments = segments
    .filter((s) => !overlapsRemoved(removed, s.textStart, s.textEnd))
    .map((s) => ({ ...s, textStart: shift(s.textStart), textEnd: shift(s.textEnd) }));
  return { text: kept, segments: keptSegments, removed, turns: spans.length };
}
