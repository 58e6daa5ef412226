import type { Highlight } from "@opencjm/core";
import { Fragment, useMemo, useRef, type KeyboardEvent } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import type { SelectedSpan } from "./HighlightPopover.js";
import { noteSegments, selectionOffsets } from "./noteSegments.js";
import styles from "./Research.module.css";

/**
 * A note's text with its highlights drawn as marks. Everything is React text — a transcript holding markup shows it
 * as characters. Selecting words (by pointer or Shift+arrows) reports their span; a mark opens its highlight.
 */
export function NoteText({
  text,
  highlights,
  cues = [],
  onSelect,
  onOpen,
}: {
  text: string;
  highlights: readonly Highlight[];
  /** Where each timed part of a subtitle transcript starts in the text, and its time and speaker to show there. */
  cues?: ReadonlyArray<{ at: number; label: string }>;
  /** Words were selected: their span and where they are on screen. */
  onSelect?: (span: SelectedSpan, rect: DOMRect) => void;
  onOpen: (highlight: Highlight, rect: DOMRect) => void;
}) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights]);
  const segments = useMemo(
    () =>
      noteSegments(
        text,
        highlights,
        cues.map((c) => c.at),
      ),
    [text, highlights, cues],
  );
  const cueAt = useMemo(() => new Map(cues.map((c) => [c.at, c.label])), [cues]);
  const reportSelection = () => {
    const selection = window.getSelection();
    if (!onSelect || !container.current || !selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const offsets = selectionOffsets(container.current, range);
    if (!offsets) return;
    const words = text.slice(offsets.start, offsets.end);
    // Surrounding spaces are not part of what was meant; the span shrinks to the words.
    const start = offsets.start + (words.length - words.trimStart().length);
    const end = offsets.end - (words.length - words.trimEnd().length);
    if (end > start) onSelect({ start, end, text: text.slice(start, end) }, range.getBoundingClientRect());
  };
  const openFrom = (id: string, element: HTMLElement) => {
    const highlight = byId.get(id);
    if (highlight) onOpen(highlight, element.getBoundingClientRect());
  };
  const onMarkKey = (event: KeyboardEvent<HTMLElement>, id: string) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    openFrom(id, event.currentTarget);
  };

  return (
    <div
      ref={container}
      className={styles.noteText}
      dir="auto"
      data-testid="note-text-view"
      aria-label={t("research.note.textLabel")}
      onMouseUp={reportSelection}
      onKeyUp={(e) => e.shiftKey && reportSelection()}
    >
      {segments.map((segment) => {
        const id = segment.highlightIds.at(-1);
        const cue = cueAt.get(segment.start);
        // The time is drawn by CSS from the attribute: it is no text of the note, so selections keep their offsets.
        const time = cue && <span className={styles.cue} data-time={cue} aria-hidden="true" />;
        if (!id)
          return (
            <Fragment key={segment.start}>
              {time}
              {segment.text}
            </Fragment>
          );
        const highlight = byId.get(id)!;
        return (
          <Fragment key={segment.start}>
            {time}
            <mark
              className={styles.mark}
              data-testid="highlight-mark"
              data-highlight-id={id}
              data-kind={highlight.kind}
              tabIndex={0}
              title={highlight.anchors.map((a) => a.label).join(" · ")}
              onClick={(e) => {
                // A click that ends a selection is a new highlight, not a wish to open this one.
                if (window.getSelection()?.isCollapsed !== false) openFrom(id, e.currentTarget);
              }}
              onKeyDown={(e) => onMarkKey(e, id)}
            >
              {segment.text}
            </mark>
          </Fragment>
        );
      })}
    </div>
  );
}
