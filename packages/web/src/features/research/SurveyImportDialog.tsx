import type { SurveyMappingRequest, SurveyUploaded } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useT } from "../../i18n/I18nProvider.js";
import { useReloadResearch } from "./researchQueries.js";
import { deleteSurvey, mapSurvey } from "./surveyApi.js";
import { SurveyImportReport } from "./SurveyImportReport.js";
import { SurveyMappingForm } from "./SurveyMappingForm.js";
import { SurveyUploadForm } from "./SurveyUploadForm.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Research.module.css";

/**
 * Imports a survey export into a study in three steps: upload, mapping (confirming the server's suggestions), and the
 * report of what was kept and what was not. Closing it before the mapping is confirmed deletes the upload, so its
 * raw rows (e-mails and other identifiers) are not kept waiting.
 */
export function SurveyImportDialog({
  workspaceId,
  studyId,
  studyMapIds,
  onClose,
}: {
  workspaceId: string;
  studyId: string;
  studyMapIds: readonly string[];
  onClose: () => void;
}) {
  const t = useT();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const [uploaded, setUploaded] = useState<SurveyUploaded | null>(null);
  const imported = useMutation({
    mutationFn: (mapping: SurveyMappingRequest) => mapSurvey(workspaceId, uploaded!.surveyId, mapping),
    onSuccess: () => reload(),
  });
  const discard = useMutation({
    mutationFn: (surveyId: string) => deleteSurvey(workspaceId, surveyId),
    onSettled: () => reload(),
  });
  const handleClose = () => {
    if (uploaded && !imported.data) discard.mutate(uploaded.surveyId);
    onClose();
  };

  return (
    <Dialog title={t("surveys.import.title")} onClose={handleClose} testId="survey-import-dialog">
      {imported.data ? (
        <>
          <SurveyImportReport result={imported.data} />
          <div className={styles.actions}>
            <Button variant="primary" onClick={onClose} data-autofocus data-testid="survey-import-done">
              {t("surveys.close")}
            </Button>
          </div>
        </>
      ) : uploaded ? (
        <SurveyMappingForm
          workspaceId={workspaceId}
          studyMapIds={studyMapIds}
          uploaded={uploaded}
          pending={imported.isPending}
          error={imported.error ? errorMessage(imported.error) : null}
          onSubmit={(mapping) => imported.mutate(mapping)}
          onCancel={handleClose}
        />
      ) : (
        <SurveyUploadForm workspaceId={workspaceId} studyId={studyId} onUploaded={setUploaded} onCancel={onClose} />
      )}
    </Dialog>
  );
}
