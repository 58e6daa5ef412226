import type { SurveyUploaded } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { FileChooser } from "../../app/FileChooser.js";
import { useT } from "../../i18n/I18nProvider.js";
import { uploadSurvey } from "./surveyApi.js";
import { useResearchError } from "./useResearchError.js";
import { base64Of, UPLOAD_CHARSETS } from "./researchUpload.js";
import styles from "./Research.module.css";

/** Survey exports the server reads. */
const ACCEPT = ".csv,.tsv,.txt,.xlsx";
/**
 * The first step of a survey import: pick a survey tool's CSV or Excel export (the server detects its encoding; one
 * may force it) and upload it. A refused file shows the server's reason, naming the problem; nothing is kept.
 */
export function SurveyUploadForm({
  workspaceId,
  studyId,
  onUploaded,
  onCancel,
}: {
  workspaceId: string;
  studyId: string;
  onUploaded: (uploaded: SurveyUploaded) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const errorMessage = useResearchError();
  const charsetId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [charset, setCharset] = useState("");
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      uploadSurvey(workspaceId, {
        studyId,
        fileName: chosen.name,
        content: await base64Of(chosen),
        charset: charset || undefined,
      }),
    onSuccess: onUploaded,
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} data-testid="survey-upload">
      <p className={styles.muted}>{t("surveys.upload.help")}</p>
      <FileChooser
        label={t("surveys.upload.file")}
        accept={ACCEPT}
        testId="survey-file"
        onChoose={(chosen) => setFile(chosen ?? null)}
      />
      <label htmlFor={charsetId}>{t("surveys.upload.charset")}</label>
      <select id={charsetId} value={charset} onChange={(e) => setCharset(e.currentTarget.value)}>
        <option value="">{t("surveys.upload.charsetAuto")}</option>
        {UPLOAD_CHARSETS.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {upload.error && (
        <p role="alert" className={styles.error}>
          {errorMessage(upload.error)}
        </p>
      )}
      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={!file || upload.isPending} data-testid="survey-upload-submit">
          {upload.isPending ? t("surveys.upload.reading") : t("surveys.upload.submit")}
        </Button>
        <Button onClick={onCancel}>{t("surveys.cancel")}</Button>
      </div>
    </form>
  );
}
