import type { NoteSearchHit } from "@opencjm/core";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./Research.module.css";

/**
 * The notes and transcripts whose full text holds the words searched for: each with its title (a link to the note),
 * participant and study, and the words around its first match, the match marked.
 */
export function NoteSearchHits({ notes, total }: { notes: NoteSearchHit[]; total: number }) {
  const { t, formatNumber } = useI18n();
  if (total === 0) return null;
  return (
    <section className={styles.section} aria-live="polite">
      <h2>{t("research.search.notes.title")}</h2>
      <p className={styles.muted} data-testid="search-notes-total">
        {t("research.search.notes.total", { count: total })}
      </p>
      <ul className={styles.list} data-testid="search-notes">
        {notes.map((n) => (
          <li key={n.noteId} className={styles.item} data-testid="search-note">
            <Link href={`/research/notes/${encodeURIComponent(n.noteId)}`}>
              <bdi>{n.title}</bdi>
            </Link>
            <blockquote className={styles.quote} dir="auto">
              {n.snippet.text.slice(0, n.snippet.matchStart)}
              <mark>{n.snippet.text.slice(n.snippet.matchStart, n.snippet.matchEnd)}</mark>
              {n.snippet.text.slice(n.snippet.matchEnd)}
            </blockquote>
            <span className={styles.meta}>
              <bdi>{n.participantCode ?? t("research.note.noParticipant")}</bdi>
              {" · "}
              <bdi>{n.studyTitle}</bdi>
            </span>
          </li>
        ))}
      </ul>
      {total > notes.length && (
        <p className={styles.muted}>
          {t("research.search.more", { shown: formatNumber(notes.length), total: formatNumber(total) })}
        </p>
      )}
    </section>
  );
}
