import {
  IdentifierKindSchema,
  SurveyScaleSchema,
  type IdentifierKind,
  type SurveyMappingRequest,
  type SurveyScale,
  type SurveyUploaded,
} from "@opencjm/core";
import { useQueries } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { useT } from "../../i18n/I18nProvider.js";
import { mapBodyQuery } from "./researchQueries.js";
import styles from "./Research.module.css";

/** A step a question can be about: one of the steps of the maps the study informs. */
interface StepTarget {
  mapId: string;
  mapTitle: string;
  stepId: string;
  label: string;
}

/** One question as the form holds it: its scale ("" leaves it out) and its step (an index into the targets, or ""). */
interface QuestionChoice {
  scale: SurveyScale | "";
  target: string;
}

/** The steps of the study's maps, map by map in the maps' order, for the step pickers. */
function useStepTargets(workspaceId: string, mapIds: readonly string[], untitled: string): StepTarget[] {
  const bodies = useQueries({ queries: mapIds.map((mapId) => mapBodyQuery(workspaceId, mapId)) });
  return mapIds.flatMap((mapId, i) => {
    const body = bodies[i]?.data;
    if (!body) return [];
    return body.steps.map((s) => ({
      mapId,
      mapTitle: body.settings.title,
      stepId: s.id,
      label: s.name || untitled,
    }));
  });
}

/**
 * The second step of a survey import: each question's scale and the step of a map it is about, and the columns
 * identifying respondents (as customers, as the study's participants). What the server suggested from the file is
 * filled in and marked, so nothing is imported until someone has seen it and confirms.
 */
export function SurveyMappingForm({
  workspaceId,
  studyMapIds,
  uploaded,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  workspaceId: string;
  studyMapIds: readonly string[];
  uploaded: SurveyUploaded;
  pending: boolean;
  error: string | null;
  onSubmit: (mapping: SurveyMappingRequest) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const respondentId = useId();
  const kindId = useId();
  const participantId = useId();
  const targets = useStepTargets(workspaceId, studyMapIds, t("surveys.untitled"));
  const [choices, setChoices] = useState<Record<number, QuestionChoice>>(() =>
    Object.fromEntries(uploaded.columns.map((c) => [c.column, { scale: c.suggestedScale ?? "", target: "" }])),
  );
  const [respondent, setRespondent] = useState(String(uploaded.suggestedRespondent?.column ?? ""));
  const [kind, setKind] = useState<IdentifierKind>(uploaded.suggestedRespondent?.kind ?? "email");
  const [participant, setParticipant] = useState(String(uploaded.suggestedParticipantColumn ?? ""));
  const identifying = new Set([respondent, participant].filter((v) => v !== "").map(Number));
  const questions = uploaded.columns
    .filter((c) => !identifying.has(c.column) && choices[c.column]?.scale)
    .map((c) => {
      const choice = choices[c.column]!;
      const target = choice.target === "" ? undefined : targets[Number(choice.target)];
      return {
        column: c.column,
        scale: choice.scale as SurveyScale,
        mapId: target?.mapId ?? null,
        stepId: target?.stepId ?? null,
      };
    });
  const choose = (column: number, change: Partial<QuestionChoice>) =>
    setChoices((all) => ({ ...all, [column]: { ...all[column]!, ...change } }));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      questions,
      respondent: respondent === "" ? null : { column: Number(respondent), kind },
      participantColumn: participant === "" ? null : Number(participant),
    });
  };
  const columnOptions = uploaded.columns.map((c) => (
    <option key={c.column} value={c.column}>
      {c.header || t("surveys.untitled")}
    </option>
  ));
  const mapTitles = [...new Set(targets.map((x) => x.mapId))];

  return (
    <form className={styles.form} onSubmit={handleSubmit} data-testid="survey-mapping">
      <p>
        <bdi>{uploaded.fileName}</bdi>
        {" · "}
        {t("surveys.mapping.respondents", { count: uploaded.respondents })}
        {uploaded.charset && (
          <>
            {" · "}
            {t("surveys.mapping.charset", { charset: uploaded.charset })}
          </>
        )}
      </p>
      <p className={styles.muted}>{t("surveys.mapping.help")}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("surveys.mapping.question")}</th>
            <th scope="col">{t("surveys.mapping.samples")}</th>
            <th scope="col">{t("surveys.mapping.scale")}</th>
            <th scope="col">{t("surveys.mapping.step")}</th>
          </tr>
        </thead>
        <tbody>
          {uploaded.columns.map((c) => {
            const choice = choices[c.column]!;
            const question = c.header || t("surveys.untitled");
            return (
              <tr key={c.column} data-testid="survey-question" data-column={c.column}>
                <th scope="row">
                  <bdi>{question}</bdi>
                </th>
                <td>
                  {c.samples.map((s, i) => (
                    <span key={i} className={styles.tag}>
                      <bdi>{s}</bdi>
                    </span>
                  ))}
                </td>
                {identifying.has(c.column) ? (
                  <td colSpan={2} className={styles.muted}>
                    {t("surveys.mapping.identifying")}
                  </td>
                ) : (
                  <>
                    <td>
                      <select
                        aria-label={t("surveys.mapping.scaleOf", { question })}
                        data-testid={`survey-scale-${c.column}`}
                        value={choice.scale}
                        onChange={(e) => choose(c.column, { scale: e.currentTarget.value as SurveyScale | "" })}
                      >
                        <option value="">{t("surveys.mapping.skip")}</option>
                        {SurveyScaleSchema.options.map((scale) => (
                          <option key={scale} value={scale}>
                            {t(`surveys.scale.${scale}`)}
                          </option>
                        ))}
                      </select>
                      {c.suggestedScale && (
                        <div className={styles.meta} data-testid="survey-suggested">
                          {t("surveys.mapping.suggested", { scale: t(`surveys.scale.${c.suggestedScale}`) })}
                        </div>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={t("surveys.mapping.stepOf", { question })}
                        data-testid={`survey-step-${c.column}`}
                        value={choice.target}
                        disabled={!choice.scale}
                        onChange={(e) => choose(c.column, { target: e.currentTarget.value })}
                      >
                        <option value="">{t("surveys.mapping.unmapped")}</option>
                        {mapTitles.map((mapId) => (
                          <optgroup key={mapId} label={targets.find((x) => x.mapId === mapId)!.mapTitle}>
                            {targets.map((x, i) =>
                              x.mapId === mapId ? (
                                <option key={`${x.mapId} ${x.stepId}`} value={i}>
                                  {x.label}
                                </option>
                              ) : null,
                            )}
                          </optgroup>
                        ))}
                      </select>
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <label htmlFor={respondentId}>{t("surveys.mapping.respondent")}</label>
      <div className={styles.row}>
        <select id={respondentId} value={respondent} onChange={(e) => setRespondent(e.currentTarget.value)}>
          <option value="">{t("surveys.mapping.none")}</option>
          {columnOptions}
        </select>
        <select
          id={kindId}
          aria-label={t("surveys.mapping.respondentKind")}
          value={kind}
          disabled={respondent === ""}
          onChange={(e) => setKind(e.currentTarget.value as IdentifierKind)}
        >
          {IdentifierKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {t(`surveys.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={participantId}>{t("surveys.mapping.participant")}</label>
      <select id={participantId} value={participant} onChange={(e) => setParticipant(e.currentTarget.value)}>
        <option value="">{t("surveys.mapping.none")}</option>
        {columnOptions}
      </select>
      <p data-testid="survey-mapping-summary">
        {t("surveys.mapping.summary", {
          count: questions.length,
          onSteps: questions.filter((q) => q.stepId !== null).length,
        })}
      </p>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <Button
          type="submit"
          variant="primary"
          disabled={pending || questions.length === 0}
          data-testid="survey-mapping-confirm"
        >
          {pending ? t("surveys.mapping.importing") : t("surveys.mapping.confirm")}
        </Button>
        <Button onClick={onCancel}>{t("surveys.cancel")}</Button>
      </div>
    </form>
  );
}
