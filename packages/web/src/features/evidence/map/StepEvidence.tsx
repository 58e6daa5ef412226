import { Link } from "wouter";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { useShownMetrics, type EvidenceState } from "./EvidenceContext.js";
import { conversionFromPrevious, headlineScore, sentimentTone } from "./evidenceCues.js";
import { formatMs } from "./formatMs.js";
import styles from "./Evidence.module.css";

/**
 * The data lane at one step: customers reached, conversion from the previous step, drop-off to the next (at the
 * journey's end: who went no further), median time
 * to the next step, the headline score and the sentiment of what customers wrote; the step where most customers
 * leave and the one with the most negative feedback are marked.
 */
export function StepEvidence({ stepId }: { stepId: string }) {
  const { t, formatNumber, locale } = useI18n();
  const evidence = useShownMetrics();
  const step = evidence?.steps.get(stepId);
  if (!evidence || !step) return null;
  const pct = (v: number) => formatNumber(v, { style: "percent", maximumFractionDigits: 1 });
  const from = conversionFromPrevious(evidence.metrics, step);
  const score = headlineScore(step);
  const tone = sentimentTone(step.sentiment.mean);
  const worstDrop = evidence.worstDropOffStepId === stepId;
  const worstMood = evidence.worstSentimentStepId === stepId;
  // At the journey's goal and after it, customers who go no further are done, not lost: no "drop-off" there.
  const journeyEnd = !!evidence.journeyEndStepIds?.has(stepId);
  // Who left is personal data, for owners and editors: those the data view lets edit touchpoint rules.
  const whoLeftHref = evidence.openTouchpointRules ? customersWhoLeftHref(evidence, stepId) : undefined;
  return (
    <div
      className={styles.step}
      data-testid="step-evidence"
      data-step-id={stepId}
      data-customers={step.customers}
      data-worst-drop-off={worstDrop || undefined}
      data-worst-sentiment={worstMood || undefined}
    >
      <dl className={styles.stepFacts}>
        <div className={styles.reach}>
          <dt>{t("evidence.step.customers")}</dt>
          <dd data-testid="step-customers">{formatNumber(step.customers)}</dd>
          {step.share !== null && <dd className={styles.muted}>{pct(step.share)}</dd>}
        </div>
        {from && from.rate !== null && (
          <div>
            <dt>{t("evidence.step.fromPrevious")}</dt>
            <dd data-testid="step-conversion">{pct(from.rate)}</dd>
          </div>
        )}
        {step.conversion && step.conversion.dropOffRate !== null && (
          <div className={worstDrop ? styles.alarm : undefined}>
            <dt title={journeyEnd ? t("evidence.step.wentNoFurtherHint") : undefined}>
              {t(journeyEnd ? "evidence.step.wentNoFurther" : "evidence.step.dropOff")}
            </dt>
            <dd data-testid="step-drop-off" data-journey-end={journeyEnd || undefined}>
              {pct(step.conversion.dropOffRate)}{" "}
              <span className={styles.muted}>({formatNumber(step.conversion.dropOff)})</span>
            </dd>
            {whoLeftHref && step.conversion.dropOff > 0 && (
              <dd>
                <Link href={whoLeftHref} data-testid="step-who-left">
                  {t("customerTimeline.showWhoLeft")}
                </Link>
              </dd>
            )}
          </div>
        )}
        {step.conversion?.timeToNext.medianMs != null && (
          <div>
            <dt>{t("evidence.step.medianTime")}</dt>
            <dd data-testid="step-median-time">{formatMs(step.conversion.timeToNext.medianMs, locale)}</dd>
          </div>
        )}
        {score && (
          <div>
            <dt>{t(`evidence.score.${score.kind}`)}</dt>
            <dd data-testid="step-score">
              {formatNumber(score.value, { maximumFractionDigits: 1 })}{" "}
              <span className={styles.muted}>{t("evidence.step.answers", { count: score.count })}</span>
            </dd>
          </div>
        )}
        {tone && (
          <div className={worstMood ? styles.warn : undefined}>
            <dt>{t("evidence.step.sentiment")}</dt>
            <dd data-testid="step-sentiment" data-tone={tone}>
              {t(`evidence.tone.${tone}`)}{" "}
              <span className={styles.muted}>{t("evidence.step.texts", { count: step.sentiment.count })}</span>
            </dd>
          </div>
        )}
      </dl>
      {worstDrop && <p className={styles.cue}>{t("evidence.step.worstDropOff")}</p>}
      {worstMood && <p className={styles.cue}>{t("evidence.step.worstSentiment")}</p>}
    </div>
  );
}

/** The list of customers who left a step, under the data view's filters (kept in the address). */
function customersWhoLeftHref(evidence: EvidenceState, stepId: string): string {
  const { personaId, channels, from, to, windowHours } = evidence.filters;
  const query = new URLSearchParams();
  if (personaId) query.set("persona", personaId);
  for (const channel of channels) query.append("channel", channel);
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  if (windowHours) query.set("window", String(windowHours));
  const path = `/maps/${encodeURIComponent(evidence.mapId)}/steps/${encodeURIComponent(stepId)}/left`;
  return query.size ? `${path}?${query.toString()}` : path;
}
