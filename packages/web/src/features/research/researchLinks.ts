/** Where a highlight is read: its note, opened at the highlight's mark. */
export function highlightHref(noteId: string, highlightId: string): string {
  return `/research/notes/${encodeURIComponent(noteId)}#highlight-${encodeURIComponent(highlightId)}`;
}

/** Where a participant is shown: their study's page, scrolled to their row. */
export function participantHref(studyId: string, participantId: string): string {
  return `/research/studies/${encodeURIComponent(studyId)}#participant-${encodeURIComponent(participantId)}`;
}

/** The id a page's address points at after `#<prefix>-` (a highlight or participant to show), if any. */
export function targetOf(prefix: "highlight" | "participant"): string | undefined {
  const hash = window.location.hash;
  return hash.startsWith(`#${prefix}-`) ? decodeURIComponent(hash.slice(prefix.length + 2)) : undefined;
}
