import type { MapJourneyStep, UnmappedJourneyStep } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { adoptJourneyStep } from "./journeyApi.js";
import { useReloadResearch } from "./researchQueries.js";
import { useCanWriteResearch } from "./useCanWriteResearch.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Journeys.module.css";

/** An emotion on the research scale with its sign, "+2" or "−1.5". */
function useSigned(): (value: number) => string {
  const { formatNumber } = useI18n();
  return (value) => {
    const text = formatNumber(Math.abs(value), { maximumFractionDigits: 1 });
    return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
  };
}

/** One step the map lacks, with the editor's action that adds it to the map after this step. */
function LackingStep({
  workspaceId,
  mapId,
  step,
  participants,
}: {
  workspaceId: string;
  mapId: string;
  step: UnmappedJourneyStep;
  participants: number;
}) {
  const { t } = useI18n();
  const canWrite = useCanWriteResearch(workspaceId);
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const adopt = useMutation({
    mutationFn: () => adoptJourneyStep(workspaceId, mapId, { name: step.name, afterStepId: step.afterStepId }),
    onSuccess: () => reload(),
  });
  return (
    <li className={styles.lackingItem} data-testid="lacking-step">
      <span>
        <bdi>{step.name}</bdi>
        {" · "}
        {t("researchJourneys.ofParticipants", { done: step.participants, count: participants })}
      </span>
      {canWrite && (
        <Button size="small" disabled={adopt.isPending || adopt.isSuccess} onClick={() => adopt.mutate()}>
          {adopt.isSuccess ? t("researchJourneys.lacking.added") : t("researchJourneys.lacking.add")}
        </Button>
      )}
      {adopt.error && (
        <p role="alert" className={styles.error}>
          {errorMessage(adopt.error)}
        </p>
      )}
    </li>
  );
}

/**
 * What participants' own journeys say about one step: "7 of 10 participants" went through it (with their codes), how
 * they felt there (lowest, mean, highest on −3…+3), what they wrote on the step of their own journey, and the steps
 * they took next that the map lacks.
 */
export function StepJourneySummary({
  workspaceId,
  mapId,
  journey,
  participants,
  lacking,
}: {
  workspaceId: string;
  mapId: string;
  journey: MapJourneyStep | undefined;
  participants: number;
  lacking: readonly UnmappedJourneyStep[];
}) {
  const { t } = useI18n();
  const signed = useSigned();
  const count = journey?.participants ?? 0;
  return (
    <section className={styles.lacking} data-testid="step-journeys">
      <p className={styles.participants} data-testid="step-participants" data-count={count} data-total={participants}>
        {t("researchJourneys.ofParticipants", { done: count, count: participants })}
      </p>
      {journey && journey.participants > 0 && (
        <>
          <p className={styles.muted}>
            {journey.participantCodes.map((code, i) => (
              <span key={code}>
                {i > 0 && ", "}
                <bdi>{code}</bdi>
              </span>
            ))}
          </p>
          <p className={styles.muted} data-testid="step-emotion-spread">
            {t("researchJourneys.spread", {
              min: signed(journey.min!),
              mean: signed(journey.mean!),
              max: signed(journey.max!),
            })}
          </p>
          {journey.notes.length > 0 && (
            <>
              <h3>{t("researchJourneys.notes.title")}</h3>
              <ul className={styles.rows} data-testid="step-journey-notes">
                {journey.notes.map((n) => (
                  <li key={n.participantCode} data-testid="step-journey-note">
                    <strong>
                      <bdi>{n.participantCode}</bdi>
                    </strong>
                    {": "}
                    <bdi dir="auto">{n.note}</bdi>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {lacking.length > 0 && (
        <>
          <h3>{t("researchJourneys.lacking.title")}</h3>
          <ul className={styles.rows}>
            {lacking.map((step) => (
              <LackingStep
                key={step.name}
                workspaceId={workspaceId}
                mapId={mapId}
                step={step}
                participants={participants}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
