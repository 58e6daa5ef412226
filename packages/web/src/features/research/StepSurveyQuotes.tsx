import { useContext } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { sentimentBucket } from "./sentimentBucket.js";
import { StepResearchContext } from "./StepResearchContext.js";
import quoteStyles from "../evidence/map/Evidence.module.css";
import styles from "./StepResearchQuotes.module.css";

/**
 * What survey respondents wrote about a step, in the map's quotes lane beside the research highlights: the newest
 * free-text answers, each with the respondent's participant code (else their row in the survey file, never who they
 * are) and the question, and "+N more" opening the step's research panel with the rest. Only in the live editor.
 */
export function StepSurveyQuotes({ stepId, label }: { stepId: string; label: string }) {
  const { t, formatNumber } = useI18n();
  const research = useContext(StepResearchContext);
  const answers = research?.surveyQuotes?.get(stepId);
  if (!research || !answers || answers.quotes.length === 0) return null;
  const more = answers.count - answers.quotes.length;
  return (
    <div className={styles.research} data-testid="survey-quotes">
      <ul className={quoteStyles.quotes} aria-label={t("surveys.lane.label", { label })}>
        {answers.quotes.map((q, i) => (
          <li
            key={`${q.respondent}:${i}`}
            className={`${quoteStyles.quote} ${styles.quote}`}
            data-testid="survey-quote"
            data-tone={sentimentBucket(q.sentiment)}
          >
            <q dir="auto">{q.text}</q>
            <span className={quoteStyles.quoteMeta}>
              <bdi>{q.participantCode ?? t("surveys.lane.respondent", { n: formatNumber(q.respondent) })}</bdi>
              {" · "}
              <bdi>{q.question}</bdi>
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <button
          type="button"
          className={styles.more}
          data-testid="survey-quotes-more"
          // The cell under the button would take the click as a selection and a double click as editing.
          onClick={(e) => {
            e.stopPropagation();
            research.open(stepId, label);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          {t("surveys.lane.more", { count: more })}
        </button>
      )}
    </div>
  );
}
