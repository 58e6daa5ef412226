/** A highlighted stretch of a note, by character offsets into its text (end exclusive). */
export interface HighlightRange {
  id: string;
  start: number;
  end: number;
}

/** A run of a note's text and the highlights that cover all of it (none for plain text). */
export interface NoteSegment {
  start: number;
  end: number;
  text: string;
  highlightIds: string[];
}

/**
 * Cuts a note's text at every highlight's edges (and at `cuts`, e.g. where a subtitle cue starts), so each run is
 * drawn once as plain text or as a mark; overlapping highlights give a run covered by both. Ranges outside the text
 * (a note shortened since) are clipped, empty ones dropped: the text is never changed or repeated.
 */
export function noteSegments(
  text: string,
  ranges: readonly HighlightRange[],
  cuts: readonly number[] = [],
): NoteSegment[] {
  const clipped = ranges
    .map((r) => ({ id: r.id, start: Math.max(0, Math.min(r.start, text.length)), end: Math.min(r.end, text.length) }))
    .filter((r) => r.end > r.start);
  const edges = new Set<number>([0, text.length, ...cuts.filter((c) => c > 0 && c < text.length)]);
  for (const r of clipped) edges.add(r.start).add(r.end);
  const points = [...edges].sort((a, b) => a - b);
  const segments: NoteSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const highlightIds = clipped.filter((r) => r.start <= start && r.end >= end).map((r) => r.id);
    segments.push({ start, end, text: text.slice(start, end), highlightIds });
  }
  return segments;
}

/**
 * The selection inside `container` as offsets into the text it shows, or null when nothing (or something outside
 * it) is selected. Counting the characters before each end works because the note is drawn as its own text only.
 */
export function selectionOffsets(container: HTMLElement, range: Range): { start: number; end: number } | null {
  if (range.collapsed || !container.contains(range.startContainer) || !container.contains(range.endContainer))
    return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}
