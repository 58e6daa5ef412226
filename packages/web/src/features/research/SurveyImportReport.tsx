import type { SurveyImportResult } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./Research.module.css";

/**
 * What a survey import kept (answers, respondents, customers joined, participants linked) and every answer or link
 * it did not keep, row by row with the reason in the reader's language; the file's own words stay inert text.
 */
export function SurveyImportReport({ result }: { result: SurveyImportResult }) {
  const { t, formatNumber } = useI18n();
  return (
    <div data-testid="survey-report">
      <ul>
        <li>{t("surveys.result.kept", { count: result.answers, respondents: formatNumber(result.respondents) })}</li>
        <li>{t("surveys.result.customers", { count: result.customersJoined })}</li>
        <li>{t("surveys.result.participants", { count: result.participantsLinked })}</li>
      </ul>
      {result.notKeptTotal === 0 ? (
        <p>{t("surveys.result.allKept")}</p>
      ) : (
        <>
          <p>{t("surveys.result.notKept", { count: result.notKeptTotal })}</p>
          <table className={styles.table} data-testid="survey-not-kept">
            <thead>
              <tr>
                <th scope="col">{t("surveys.result.row")}</th>
                <th scope="col">{t("surveys.result.question")}</th>
                <th scope="col">{t("surveys.result.value")}</th>
                <th scope="col">{t("surveys.result.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {result.notKept.map((n) => (
                <tr key={`${n.row} ${n.column}`} data-testid="survey-not-kept-row">
                  <td>{formatNumber(n.row)}</td>
                  <td>
                    <bdi>{n.header}</bdi>
                  </td>
                  <td>
                    <bdi>{n.value}</bdi>
                  </td>
                  <td>{t(`surveys.reason.${n.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.notKeptTotal > result.notKept.length && (
            <p className={styles.muted}>
              {t("surveys.result.more", { count: result.notKeptTotal - result.notKept.length })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
