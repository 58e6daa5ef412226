import type { SurveySummary } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { DeleteSurveyDialog } from "./DeleteSurveyDialog.js";
import { SurveyImportDialog } from "./SurveyImportDialog.js";
import { surveyListQuery } from "./surveyQueries.js";
import styles from "./Research.module.css";

/** One survey's line: its file, what it holds, when and by whom; an upload waiting for its mapping says so. */
function SurveyRow({ survey, onDelete }: { survey: SurveySummary; onDelete?: () => void }) {
  const { t, formatDate } = useI18n();
  const date = formatDate(survey.createdAt);
  return (
    <li className={styles.item} data-testid="survey-row" data-survey-id={survey.id}>
      <bdi>{survey.fileName}</bdi>
      <span className={styles.meta}>
        {t("surveys.list.respondents", { count: survey.respondents })}
        {" · "}
        {survey.status === "imported"
          ? t("surveys.list.questions", { count: survey.questions, onSteps: survey.questionsOnSteps })
          : t("surveys.list.waiting")}
        {" · "}
        {survey.createdBy ? t("surveys.list.by", { date, name: survey.createdBy.name }) : date}
      </span>
      {onDelete && (
        <div className={styles.actions}>
          <Button
            size="small"
            variant="danger"
            aria-label={t("surveys.delete.label", { file: survey.fileName })}
            onClick={onDelete}
            data-testid="delete-survey"
          >
            {t("surveys.delete.button")}
          </Button>
        </div>
      )}
    </li>
  );
}

/**
 * A study's surveys on its page: each with its file, respondents, questions mapped, date and uploader; editors
 * import a new export (upload, mapping, report) and delete one after a confirmation.
 */
export function SurveyList({
  workspaceId,
  studyId,
  studyMapIds,
  canWrite,
}: {
  workspaceId: string;
  studyId: string;
  studyMapIds: readonly string[];
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const surveys = useQuery(surveyListQuery(workspaceId, studyId));
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<SurveySummary | null>(null);

  return (
    <section className={styles.section} aria-labelledby="research-surveys" data-testid="survey-list">
      <div className={styles.row}>
        <h2 id="research-surveys">{t("surveys.section.title")}</h2>
        {canWrite && (
          <Button onClick={() => setImporting(true)} data-testid="import-survey">
            {t("surveys.import.button")}
          </Button>
        )}
      </div>
      <QueryView queries={[surveys]}>
        {(list) =>
          list.length === 0 ? (
            <p className={styles.muted}>{t("surveys.section.empty")}</p>
          ) : (
            <ul className={styles.list}>
              {list.map((s) => (
                <SurveyRow key={s.id} survey={s} onDelete={canWrite ? () => setDeleting(s) : undefined} />
              ))}
            </ul>
          )
        }
      </QueryView>
      {importing && (
        <SurveyImportDialog
          workspaceId={workspaceId}
          studyId={studyId}
          studyMapIds={studyMapIds}
          onClose={() => setImporting(false)}
        />
      )}
      {deleting && <DeleteSurveyDialog workspaceId={workspaceId} survey={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
