import type { NoteSummary, Participant } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { personaListQuery } from "../../api/workspaceQueries.js";
import { Button } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { NoteComposer } from "./NoteComposer.js";
import { ParticipantList } from "./ParticipantList.js";
import { noteListQuery, participantListQuery, studyQuery } from "./researchQueries.js";
import { StudyDialog } from "./StudyDialog.js";
import { SurveyList } from "./SurveyList.js";
import { useCanWriteResearch } from "./useCanWriteResearch.js";
import styles from "./Research.module.css";

/** The notes of a study, newest first, each with its participant, source and how many highlights it has. */
function NoteList({ notes, participants }: { notes: readonly NoteSummary[]; participants: readonly Participant[] }) {
  const { t, formatDate } = useI18n();
  if (notes.length === 0) return <p className={styles.muted}>{t("research.notes.empty")}</p>;
  return (
    <ul className={styles.list} data-testid="note-list">
      {notes.map((note) => (
        <li key={note.id} className={styles.item} data-testid="note-row" data-note-id={note.id}>
          <Link href={`/research/notes/${encodeURIComponent(note.id)}`}>
            <bdi>{note.title}</bdi>
          </Link>
          <span className={styles.meta}>
            <bdi>{participants.find((p) => p.id === note.participantId)?.code ?? t("research.note.noParticipant")}</bdi>
            {" · "}
            {note.fileName ? <bdi>{note.fileName}</bdi> : t(`research.format.${note.format}`)}
            {" · "}
            {t("research.notes.highlights", { count: note.highlightCount })}
            {" · "}
            {formatDate(note.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One study: what it is about, its participants (with erasure) and its notes, with the box to add a note. */
export default function StudyPage({ workspaceId, studyId }: { workspaceId: string; studyId: string }) {
  const { t } = useI18n();
  const canWrite = useCanWriteResearch(workspaceId);
  const [, navigate] = useLocation();
  const study = useQuery(studyQuery(workspaceId, studyId));
  const participants = useQuery(participantListQuery(workspaceId, studyId));
  const notes = useQuery(noteListQuery(workspaceId, studyId));
  const personas = useQuery(personaListQuery(workspaceId));
  const [editing, setEditing] = useState(false);

  return (
    <main className={styles.page} data-testid="study-page">
      <QueryView queries={[study, participants, notes, personas]}>
        {(s, participantList, noteList, personaList) => (
          <>
            <header className={styles.header}>
              <div>
                <nav className={styles.crumbs}>
                  <Link href="/research">{t("research.title")}</Link>
                </nav>
                <h1>
                  <bdi>{s.title}</bdi>
                </h1>
                <p className={styles.lead}>
                  {t(`research.method.${s.method}`)}
                  {s.segment && (
                    <>
                      {" · "}
                      <bdi>{s.segment}</bdi>
                    </>
                  )}
                </p>
                {s.goal && (
                  <p dir="auto" className={styles.muted}>
                    {s.goal}
                  </p>
                )}
              </div>
              {canWrite && (
                <Button onClick={() => setEditing(true)} data-testid="edit-study">
                  {t("research.study.edit")}
                </Button>
              )}
            </header>
            <ParticipantList
              workspaceId={workspaceId}
              studyId={studyId}
              studyMapIds={s.mapIds}
              participants={participantList}
              personas={personaList}
              canWrite={canWrite}
            />
            <SurveyList workspaceId={workspaceId} studyId={studyId} studyMapIds={s.mapIds} canWrite={canWrite} />
            <section className={styles.section} aria-labelledby="research-notes">
              <h2 id="research-notes">{t("research.notes.title")}</h2>
              <NoteList notes={noteList} participants={participantList} />
              {canWrite && (
                <NoteComposer
                  workspaceId={workspaceId}
                  studyId={studyId}
                  participants={participantList}
                  onCreated={(note) => navigate(`/research/notes/${encodeURIComponent(note.id)}`)}
                />
              )}
            </section>
            {editing && <StudyDialog workspaceId={workspaceId} study={s} onClose={() => setEditing(false)} />}
          </>
        )}
      </QueryView>
    </main>
  );
}
