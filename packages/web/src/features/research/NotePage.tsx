import type { Highlight } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import { QueryView } from "../../app/QueryView.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { HighlightPopover, type SelectedSpan } from "./HighlightPopover.js";
import { HighlightSummary } from "./HighlightSummary.js";
import { NoteText } from "./NoteText.js";
import { targetOf } from "./researchLinks.js";
import { noteHighlightsQuery, noteQuery, participantListQuery, studyQuery } from "./researchQueries.js";
import { useCanWriteResearch } from "./useCanWriteResearch.js";
import styles from "./Research.module.css";

/** A cue's start as m:ss or h:mm:ss, the way players show it (Latin digits, like the file's own times). */
function cueTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** What the popover is open on: a fresh selection or an existing highlight, and where it sits on screen. */
type Opened = { span: SelectedSpan; rect: DOMRect } | { highlight: Highlight; rect: DOMRect };

/**
 * A note or transcript of a study with its highlights marked in the text and listed beside it. Editors select words
 * to make a quote or insight of them; anyone may open a mark to see what it is linked to.
 */
export default function NotePage({ workspaceId, noteId }: { workspaceId: string; noteId: string }) {
  const { t } = useI18n();
  const canWrite = useCanWriteResearch(workspaceId);
  const note = useQuery(noteQuery(workspaceId, noteId));
  const highlights = useQuery(noteHighlightsQuery(workspaceId, noteId));
  const studyId = note.data?.studyId ?? "";
  const study = useQuery({ ...studyQuery(workspaceId, studyId), enabled: studyId !== "" });
  const participants = useQuery({ ...participantListQuery(workspaceId, studyId), enabled: studyId !== "" });
  const [opened, setOpened] = useState<Opened | null>(null);
  const cues = useMemo(
    () => (note.data?.segments ?? []).map((cue) => ({ at: cue.textStart, label: cueTime(cue.startMs) })),
    [note.data],
  );
  const close = useCallback(() => {
    setOpened(null);
    window.getSelection()?.removeAllRanges();
  }, []);
  // Opened from a step's quote (…#highlight-<id>): the note scrolls to that highlight and opens it, once.
  const [target, setTarget] = useState(() => targetOf("highlight"));
  useEffect(() => {
    const found = target && highlights.data?.find((h) => h.id === target);
    const mark =
      found &&
      [...document.querySelectorAll<HTMLElement>("[data-highlight-id]")].find(
        (m) => m.dataset.highlightId === found.id,
      );
    if (!found || !mark) return;
    mark.scrollIntoView?.({ block: "center" });
    setOpened({ highlight: found, rect: mark.getBoundingClientRect() });
    setTarget(undefined);
  }, [target, highlights.data, note.data, study.data, participants.data]);
  const rect = opened?.rect;
  const anchorRect = useCallback(() => rect ?? new DOMRect(), [rect]);

  return (
    <main className={styles.page} data-testid="note-page">
      <QueryView queries={[note, highlights, study, participants]}>
        {(n, list, s, participantList) => {
          const participant = participantList.find((p) => p.id === n.participantId);
          const tags = [...new Set(list.flatMap((h) => h.tags))].sort();
          return (
            <>
              <header className={styles.header}>
                <div>
                  <nav className={styles.crumbs}>
                    <Link href="/research">{t("research.title")}</Link>
                    {" › "}
                    <Link href={`/research/studies/${encodeURIComponent(s.id)}`}>
                      <bdi>{s.title}</bdi>
                    </Link>
                  </nav>
                  <h1>
                    <bdi>{n.title}</bdi>
                  </h1>
                  <p className={styles.lead}>
                    <bdi>{participant?.code ?? t("research.note.noParticipant")}</bdi>
                    {" · "}
                    {n.fileName ? <bdi>{n.fileName}</bdi> : t(`research.format.${n.format}`)}
                    {n.charset && ` · ${n.charset}`}
                  </p>
                </div>
              </header>
              {canWrite && <p className={styles.muted}>{t("research.note.selectHelp")}</p>}
              <NoteText
                text={n.text}
                highlights={list}
                cues={cues}
                onSelect={canWrite ? (span, at) => setOpened({ span, rect: at }) : undefined}
                onOpen={(highlight, at) => setOpened({ highlight, rect: at })}
              />
              <section className={styles.section} aria-labelledby="note-highlights">
                <h2 id="note-highlights">{t("research.highlights.title")}</h2>
                {list.length === 0 ? (
                  <p className={styles.muted}>{t("research.highlights.empty")}</p>
                ) : (
                  <ul className={styles.list} data-testid="note-highlights">
                    {list.map((h) => (
                      <HighlightSummary key={h.id} highlight={h} />
                    ))}
                  </ul>
                )}
              </section>
              {opened && (
                <HighlightPopover
                  key={"span" in opened ? `${opened.span.start}-${opened.span.end}` : opened.highlight.id}
                  workspaceId={workspaceId}
                  note={n}
                  span={"span" in opened ? opened.span : undefined}
                  highlight={"highlight" in opened ? opened.highlight : undefined}
                  participants={participantList}
                  preferredMapIds={s.mapIds}
                  tagSuggestions={tags}
                  anchorRect={anchorRect}
                  canWrite={canWrite}
                  onClose={close}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </main>
  );
}
