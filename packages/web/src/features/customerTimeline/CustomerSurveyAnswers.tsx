import type { CustomerSurveyAnswer } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./CustomerTimeline.module.css";

/**
 * The customer's answers to the workspace's surveys (joined through their identifier when a survey was imported):
 * survey and study, question, the map step it is about, the value on its scale or their words (as text, never
 * markup), and when the survey was imported. Nothing when they answered none.
 */
export function CustomerSurveyAnswers({ answers }: { answers: readonly CustomerSurveyAnswer[] }) {
  const { t, formatDate, formatNumber } = useI18n();
  if (answers.length === 0) return null;
  return (
    <>
      <h2>{t("surveys.customer.title")}</h2>
      <p className={styles.muted}>{t("surveys.customer.intro")}</p>
      <table className={styles.events} data-testid="customer-survey-answers">
        <thead>
          <tr>
            <th scope="col">{t("surveys.customer.survey")}</th>
            <th scope="col">{t("surveys.customer.question")}</th>
            <th scope="col">{t("surveys.customer.step")}</th>
            <th scope="col">{t("surveys.customer.answer")}</th>
            <th scope="col">{t("surveys.customer.date")}</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a, i) => (
            <tr key={`${a.surveyId}:${i}`} data-testid="customer-survey-answer">
              <td dir="auto">
                <bdi>{a.fileName}</bdi> · <bdi>{a.studyTitle}</bdi>
              </td>
              <td dir="auto">{a.question}</td>
              <td dir="auto">
                {a.stepName !== null && a.mapTitle !== null
                  ? t("surveys.customer.stepOf", { step: a.stepName, map: a.mapTitle })
                  : t("surveys.customer.noStep")}
              </td>
              <td dir="auto">
                {a.value !== null ? (
                  t("surveys.customer.value", { value: formatNumber(a.value), scale: t(`surveys.scale.${a.scale}`) })
                ) : (
                  <q dir="auto">{a.text ?? ""}</q>
                )}
              </td>
              <td>
                <time dateTime={a.importedAt}>{formatDate(a.importedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
