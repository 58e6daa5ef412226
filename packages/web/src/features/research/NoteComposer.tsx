import type { Note, Participant } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { FileChooser } from "../../app/FileChooser.js";
import { useT } from "../../i18n/I18nProvider.js";
import { createNote, uploadNote } from "./researchApi.js";
import { useReloadResearch } from "./researchQueries.js";
import { useResearchError } from "./useResearchError.js";
import { base64Of, UPLOAD_CHARSETS } from "./researchUpload.js";
import styles from "./Research.module.css";

/** Transcript files the server reads. */
const ACCEPT = ".txt,.md,.markdown,.docx,.vtt,.srt";
/**
 * Adds a note to a study: typed or pasted text, or an uploaded transcript (plain text, Markdown, Word, WebVTT or
 * SubRip), optionally of one participant. A refused file shows the server's reason and nothing is stored.
 */
export function NoteComposer({
  workspaceId,
  studyId,
  participants,
  onCreated,
}: {
  workspaceId: string;
  studyId: string;
  participants: readonly Participant[];
  onCreated?: (note: Note) => void;
}) {
  const t = useT();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const [mode, setMode] = useState<"type" | "upload">("type");
  const [participantId, setParticipantId] = useState("");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  // Bumped after a save, so the file field starts empty again instead of naming the file already stored.
  const [fileField, setFileField] = useState(0);
  const [charset, setCharset] = useState("");
  const save = useMutation({
    mutationFn: async () => {
      const common = { studyId, participantId: participantId || null, title: title.trim() || undefined };
      if (mode === "type") return createNote(workspaceId, { ...common, text });
      return uploadNote(workspaceId, {
        ...common,
        fileName: file!.name,
        content: await base64Of(file!),
        encoding: "base64",
        charset: charset || undefined,
      });
    },
    onSuccess: async (note) => {
      setText("");
      setTitle("");
      setFile(null);
      setFileField((n) => n + 1);
      await reload();
      onCreated?.(note);
    },
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} data-testid="note-composer">
      <div className={styles.row} role="group" aria-label={t("research.note.how")}>
        <Button
          aria-pressed={mode === "type"}
          variant={mode === "type" ? "primary" : "secondary"}
          onClick={() => setMode("type")}
        >
          {t("research.note.type")}
        </Button>
        <Button
          aria-pressed={mode === "upload"}
          variant={mode === "upload" ? "primary" : "secondary"}
          onClick={() => setMode("upload")}
          data-testid="note-mode-upload"
        >
          {t("research.note.upload")}
        </Button>
      </div>
      <div className={styles.row}>
        <label>
          {t("research.note.participant")}
          <select
            value={participantId}
            onChange={(e) => setParticipantId(e.target.value)}
            data-testid="note-participant"
          >
            <option value="">{t("research.note.noParticipant")}</option>
            {participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.note.title")}
          <input value={title} maxLength={200} dir="auto" onChange={(e) => setTitle(e.target.value)} />
        </label>
      </div>
      {mode === "type" ? (
        <label>
          {t("research.note.text")}
          <textarea
            value={text}
            required
            rows={8}
            dir="auto"
            data-testid="note-text"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      ) : (
        <div className={styles.row}>
          <FileChooser
            key={fileField}
            label={t("research.note.file")}
            accept={ACCEPT}
            testId="note-file"
            onChoose={(chosen) => setFile(chosen ?? null)}
          />
          <label>
            {t("research.note.charset")}
            <select value={charset} onChange={(e) => setCharset(e.target.value)} data-testid="note-charset">
              <option value="">{t("research.note.charsetAuto")}</option>
              {UPLOAD_CHARSETS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <p className={styles.muted}>{t("research.note.fileHelp")}</p>
        </div>
      )}
      {save.error && (
        <p role="alert" className={styles.error} data-testid="note-error">
          {errorMessage(save.error)}
        </p>
      )}
      <div className={styles.actions}>
        <Button
          type="submit"
          variant="primary"
          disabled={save.isPending || (mode === "upload" ? !file : text.trim() === "")}
          data-testid="note-save"
        >
          {mode === "type" ? t("research.note.save") : t("research.note.send")}
        </Button>
      </div>
    </form>
  );
}
