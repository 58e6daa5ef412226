import type { SurveyQuote, SurveyStepScore } from "@opencjm/core";
import { SURVEY_SCALE_RANGE } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.js";
import { sentimentBucket } from "./sentimentBucket.js";
import { mapSurveyScoresQuery } from "./surveyQueries.js";
import styles from "./Research.module.css";

/** One question's score on the step: its mean on its scale and count; NPS as promoters − detractors with counts. */
function ScoreLine({ score }: { score: SurveyStepScore }) {
  const { t, formatNumber } = useI18n();
  const [low, high] = SURVEY_SCALE_RANGE[score.scale];
  return (
    <li className={styles.item} data-testid="step-survey-score" data-scale={score.scale}>
      <bdi dir="auto">{score.question}</bdi>
      {score.nps ? (
        <span data-testid="step-survey-nps">
          {t("surveys.step.nps", { score: formatNumber(score.nps.score, { signDisplay: "exceptZero" }) })}
          {" · "}
          {t("surveys.step.npsCounts", {
            promoters: formatNumber(score.nps.promoters),
            passives: formatNumber(score.nps.passives),
            detractors: formatNumber(score.nps.detractors),
          })}
        </span>
      ) : (
        <span data-testid="step-survey-mean">
          {t("surveys.step.mean", {
            mean: formatNumber(score.mean, { maximumFractionDigits: 2 }),
            low: formatNumber(low),
            high: formatNumber(high),
          })}
        </span>
      )}
      <span className={styles.meta}>
        {t(`surveys.scale.${score.scale}`)}
        {" · "}
        {t("surveys.step.count", { count: score.count })}
      </span>
    </li>
  );
}

/** A free-text answer as a quote, with its participant (else its respondent's row), question and sentiment. */
function QuoteLine({ quote }: { quote: SurveyQuote }) {
  const { t, formatNumber } = useI18n();
  return (
    <li className={styles.item} data-testid="step-survey-quote">
      <strong>
        <bdi>{quote.participantCode ?? t("surveys.lane.respondent", { n: formatNumber(quote.respondent) })}</bdi>
      </strong>
      <blockquote className={styles.quote} dir="auto">
        {quote.text}
      </blockquote>
      <span className={styles.meta}>
        <bdi>{quote.question}</bdi>
        {" · "}
        {t(`research.sentiment.${sentimentBucket(quote.sentiment)}`)}
      </span>
    </li>
  );
}

/**
 * The survey answers on one step, in its research panel: each mapped question's score and the free-text answers as
 * quotes. Nothing is drawn while they load or when no survey answered about this step.
 */
export function StepSurveyScores({
  workspaceId,
  mapId,
  stepId,
}: {
  workspaceId: string;
  mapId: string;
  stepId: string;
}) {
  const { t } = useI18n();
  const scores = useQuery(mapSurveyScoresQuery(workspaceId, mapId));
  const step = scores.data?.steps.find((s) => s.stepId === stepId);
  if (!step || (step.scores.length === 0 && step.quotes.length === 0)) return null;
  return (
    <section data-testid="step-survey-scores" aria-label={t("surveys.step.title")}>
      <h3>{t("surveys.step.title")}</h3>
      {step.scores.length > 0 && (
        <ul className={styles.list}>
          {step.scores.map((s, i) => (
            <ScoreLine key={`${s.surveyId} ${i}`} score={s} />
          ))}
        </ul>
      )}
      {step.quotes.length > 0 && (
        <>
          <h4>{t("surveys.step.quotes", { count: step.quoteCount })}</h4>
          <ul className={styles.list}>
            {step.quotes.map((q, i) => (
              <QuoteLine key={i} quote={q} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
