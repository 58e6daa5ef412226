import type { FilePreview, ImportRecord, Source as EventSource } from "@opencjm/core";
import { useEffect, useRef, useState } from "react";
import { useSession } from "../../../app/SessionProvider.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { importUrl, previewFile, saveSourceMapping } from "../api/evidenceApi.js";
import { followImport } from "../api/followImport.js";
import { uploadWithProgress, type Upload } from "../api/uploadWithProgress.js";
import { ColumnMappingEditor } from "./ColumnMappingEditor.js";
import { FileDropZone } from "./FileDropZone.js";
import { FilePreviewTable } from "./FilePreviewTable.js";
import { ImportProblemNote } from "./ImportProblemNote.js";
import { ImportProgressBar } from "./ImportProgressBar.js";
import { SkippedRowsReport } from "./SkippedRowsReport.js";
import { problemOfRecord } from "./importProblem.js";
import { ConstantTimeWarning } from "./ConstantTimeWarning.js";
import { GuessNotes } from "./GuessNotes.js";
import { draftFromMapping, mappingFits, mappingFromDraft, mappingProblems, type MappingDraft } from "./mappingDraft.js";
import styles from "./DataSources.module.css";

type Stage =
  | { step: "choose" }
  | { step: "previewing" }
  | { step: "mapping"; preview: FilePreview }
  | { step: "uploading"; preview: FilePreview; fraction: number }
  | { step: "importing"; preview: FilePreview; phase: string; fraction: number }
  | { step: "done"; record: ImportRecord };

/**
 * Imports one file into a source: drop or pick it, see what was detected and the first rows, map the columns (the
 * source's saved mapping when it fits, else the guess), then upload with a progress bar and a cancel button and
 * follow the import's phases live until it is stored or refused with the row and column at fault.
 */
export function ImportWizard({
  workspaceId,
  source,
  onFinished,
  onSourceChange,
}: {
  workspaceId: string;
  source: EventSource;
  onFinished: () => void;
  onSourceChange: (source: EventSource) => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: "choose" });
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recordProblem, setRecordProblem] = useState<ImportRecord | null>(null);
  const upload = useRef<Upload<unknown> | null>(null);
  const unfollow = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      upload.current?.cancel();
      unfollow.current?.();
    },
    [],
  );

  const choose = async (chosen: File) => {
    setFile(chosen);
    setError(null);
    setNotice(null);
    setStage({ step: "previewing" });
    try {
      const preview = await previewFile(workspaceId, chosen);
      setDraft(
        draftFromMapping(
          preview.header,
          mappingFits(preview.header, source.mapping) ? source.mapping : preview.guessedMapping,
        ),
      );
      setStage({ step: "mapping", preview });
    } catch (err) {
      setError(err);
      setStage({ step: "choose" });
    }
  };

  const problems = draft ? mappingProblems(draft) : [];
  const saveMapping = async () => {
    if (!draft || problems.length) return;
    setError(null);
    try {
      onSourceChange(await saveSourceMapping(workspaceId, source.sourceId, mappingFromDraft(draft)));
      setNotice(t("evidence.mapping.saved"));
    } catch (err) {
      setError(err);
    }
  };

  const start = async () => {
    if (!file || !draft || problems.length || stage.step !== "mapping") return;
    const { preview } = stage;
    setError(null);
    setNotice(null);
    setStage({ step: "uploading", preview, fraction: 0 });
    const running = uploadWithProgress<{ importId: string }>(
      importUrl(workspaceId, source.sourceId, file.name, mappingFromDraft(draft), {
        skipBadRows: skipBadRows ? "true" : "false",
      }),
      file,
      session?.csrfToken,
      (sent, total) => setStage({ step: "uploading", preview, fraction: total ? sent / total : 0 }),
    );
    upload.current = running;
    let importId: string;
    try {
      importId = (await running.done).importId;
    } catch (err) {
      upload.current = null;
      if (err instanceof DOMException && err.name === "AbortError") setNotice(t("evidence.upload.cancelled"));
      else setError(err);
      setStage({ step: "mapping", preview });
      return;
    }
    upload.current = null;
    setStage({ step: "importing", preview, phase: "prepare", fraction: 0 });
    unfollow.current = followImport(workspaceId, importId, (update) => {
      if (update.type === "progress")
        setStage({ step: "importing", preview, phase: update.progress.phase, fraction: update.progress.fraction });
      else if (update.type === "done") {
        setStage({ step: "done", record: update.record });
        onFinished();
      } else {
        setError(null);
        setStage({ step: "mapping", preview });
        setRecordProblem(update.record);
        onFinished();
      }
    });
  };
  const busy = stage.step === "uploading" || stage.step === "importing" || stage.step === "previewing";

  return (
    <section
      className={styles.wizard}
      data-testid="import-wizard"
      data-source-name={source.name}
      aria-label={t("evidence.upload.title", { source: source.name })}
    >
      <h3 className={styles.subTitle}>
        <bdi>{t("evidence.upload.title", { source: source.name })}</bdi>
      </h3>
      <FileDropZone
        file={file}
        disabled={busy}
        onFile={(f) => {
          setRecordProblem(null);
          void choose(f);
        }}
      />
      {stage.step === "previewing" && <p className={styles.muted}>{t("evidence.upload.reading")}</p>}
      {error !== null && <ImportProblemNote error={error} />}
      {recordProblem && <ImportProblemNote problem={problemOfRecord(recordProblem)} />}
      {notice && (
        <p role="status" className={styles.muted} data-testid="import-notice">
          {notice}
        </p>
      )}
      {(stage.step === "mapping" || stage.step === "uploading" || stage.step === "importing") && draft && (
        <>
          <FilePreviewTable preview={stage.preview} />
          <ColumnMappingEditor draft={draft} samples={stage.preview.rows} onChange={setDraft} />
          <ConstantTimeWarning draft={draft} header={stage.preview.header} rows={stage.preview.rows} />
          <GuessNotes notes={stage.preview.guessNoteCodes} />
          {problems.length > 0 && (
            <ul className={styles.problems} data-testid="mapping-problems">
              {problems.map((p, i) => (
                <li key={i}>
                  {t(
                    p.key,
                    p.values && typeof p.values.role === "string"
                      ? { ...p.values, role: t(`evidence.role.${p.values.role}`) }
                      : p.values,
                  )}
                </li>
              ))}
            </ul>
          )}
          <label className="field">
            <span>
              <input
                type="checkbox"
                checked={skipBadRows}
                disabled={stage.step !== "mapping"}
                onChange={(e) => setSkipBadRows(e.target.checked)}
                data-testid="skip-bad-rows"
              />{" "}
              {t("importChoices.skipBadRows")}
            </span>
            <small>{t("importChoices.skipBadRowsHint")}</small>
          </label>
          {stage.step === "mapping" && (
            <div className={styles.actions}>
              <button
                type="button"
                className="btn"
                disabled={problems.length > 0}
                onClick={() => void saveMapping()}
                data-testid="save-mapping"
              >
                {t("evidence.mapping.save")}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={problems.length > 0}
                onClick={() => void start()}
                data-testid="start-import"
              >
                {t("evidence.upload.start")}
              </button>
            </div>
          )}
        </>
      )}
      {stage.step === "uploading" && (
        <ImportProgressBar
          label={t("evidence.upload.uploading")}
          fraction={stage.fraction}
          onCancel={() => upload.current?.cancel()}
        />
      )}
      {stage.step === "importing" && (
        <ImportProgressBar label={t(`evidence.phase.${stage.phase}`)} fraction={stage.fraction} />
      )}
      {stage.step === "done" && (
        <p role="status" className={styles.success} data-testid="import-done">
          {t("evidence.upload.done", {
            events: stage.record.eventsStored,
            rows: stage.record.rowsRead,
            count: stage.record.eventsStored,
          })}
        </p>
      )}
      {stage.step === "done" && <SkippedRowsReport record={stage.record} />}
    </section>
  );
}
