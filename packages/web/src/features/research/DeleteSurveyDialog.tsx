import type { SurveySummary } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useT } from "../../i18n/I18nProvider.js";
import { useReloadResearch } from "./researchQueries.js";
import { deleteSurvey } from "./surveyApi.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Research.module.css";

/**
 * Asks before deleting a survey (its raw rows, answers and the quotes on maps taken from them; it cannot be undone),
 * then says how much went. The research on screen is refreshed once it is done.
 */
export function DeleteSurveyDialog({
  workspaceId,
  survey,
  onClose,
}: {
  workspaceId: string;
  survey: SurveySummary;
  onClose: () => void;
}) {
  const t = useT();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const remove = useMutation({
    mutationFn: () => deleteSurvey(workspaceId, survey.id),
    onSuccess: () => reload(),
  });

  return (
    <Dialog
      title={t("surveys.delete.title", { file: survey.fileName })}
      onClose={onClose}
      alert={!remove.data}
      testId="delete-survey-dialog"
    >
      {remove.data ? (
        <>
          <div data-testid="survey-deleted">
            <p>{t("surveys.delete.done")}</p>
            <ul>
              <li>{t("surveys.delete.answers", { count: remove.data.answers })}</li>
              <li>{t("surveys.delete.quotes", { count: remove.data.quotes })}</li>
            </ul>
          </div>
          <div className={styles.actions}>
            <Button variant="primary" onClick={onClose} data-autofocus>
              {t("surveys.close")}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>{t("surveys.delete.question", { file: survey.fileName })}</p>
          <p className={styles.muted}>{t("surveys.delete.irreversible")}</p>
          {remove.error && (
            <p role="alert" className={styles.error}>
              {errorMessage(remove.error)}
            </p>
          )}
          <div className={styles.actions}>
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
              data-testid="delete-survey-confirm"
            >
              {t("surveys.delete.confirm")}
            </Button>
            <Button onClick={onClose} data-autofocus>
              {t("surveys.cancel")}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
