import type { JourneyStepInput, ParticipantJourney } from "@opencjm/core";
import { useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./Journeys.module.css";

/** A row of the mini-map being edited: a step of the map (its id) or one the map lacks (its name). */
interface JourneyRow {
  key: number;
  stepId: string | null;
  name: string;
  emotion: number;
  note: string;
  missing: boolean;
}

const EMOTIONS = [3, 2, 1, 0, -1, -2, -3];

let nextKey = 0;
const rowsOf = (journey: ParticipantJourney): JourneyRow[] => journey.steps.map((s) => ({ key: nextKey++, ...s }));

/** What is sent: a row whose map step was deleted goes back as a step the map lacks, under its last name. */
const inputOf = (row: JourneyRow): JourneyStepInput =>
  row.stepId !== null && !row.missing
    ? { stepId: row.stepId, emotion: row.emotion, note: row.note }
    : { name: row.name.trim(), emotion: row.emotion, note: row.note };

/**
 * A participant's own journey on one map as a mini-map: the steps they took in order — steps of the map or steps it
 * lacks, named in their words — each with how they felt (−3…+3) and a note. Shows where it came from (entered, or
 * drafted from their highlights); editors reorder, add, remove and save it, or go back to the draft.
 */
export function ParticipantJourneyEditor({
  journey,
  mapSteps,
  canWrite,
  saving,
  onSave,
  onReset,
}: {
  journey: ParticipantJourney;
  mapSteps: ReadonlyArray<{ id: string; name: string }>;
  canWrite: boolean;
  saving: boolean;
  onSave: (steps: JourneyStepInput[]) => void;
  onReset: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const [rows, setRows] = useState(() => rowsOf(journey));
  const change = (key: number, patch: Partial<JourneyRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) =>
    setRows((all) => {
      const next = [...all];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const add = (onMap: boolean) =>
    setRows((all) => [
      ...all,
      {
        key: nextKey++,
        stepId: onMap ? (mapSteps[0]?.id ?? null) : null,
        name: onMap ? (mapSteps[0]?.name ?? "") : "",
        emotion: 0,
        note: "",
        missing: false,
      },
    ]);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(rows.map(inputOf));
  };
  const signed = (value: number) => (value > 0 ? `+${formatNumber(value)}` : formatNumber(value));

  return (
    <form className={styles.editor} onSubmit={handleSubmit} data-testid="journey-editor">
      <p className={styles.source} data-testid="journey-source" data-source={journey.source}>
        {t(`researchJourneys.source.${journey.source}`, { code: journey.participantCode })}
      </p>
      <ol className={styles.rows}>
        {rows.map((row, i) => (
          <li key={row.key} className={styles.rowItem} data-testid="journey-row">
            <span className={styles.position} aria-hidden="true">
              {formatNumber(i + 1)}
            </span>
            {row.stepId !== null && !row.missing ? (
              <label>
                {t("researchJourneys.step.map", { n: formatNumber(i + 1) })}
                <select
                  value={row.stepId}
                  disabled={!canWrite}
                  onChange={(e) =>
                    change(row.key, {
                      stepId: e.target.value,
                      name: mapSteps.find((s) => s.id === e.target.value)?.name ?? "",
                    })
                  }
                >
                  {mapSteps.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <label>
                {row.missing
                  ? t("researchJourneys.step.missing", { n: formatNumber(i + 1) })
                  : t("researchJourneys.step.new", { n: formatNumber(i + 1) })}
                <input
                  value={row.name}
                  required
                  maxLength={200}
                  dir="auto"
                  readOnly={!canWrite}
                  onChange={(e) => change(row.key, { name: e.target.value })}
                />
              </label>
            )}
            <label>
              {t("researchJourneys.emotion")}
              <select
                value={row.emotion}
                disabled={!canWrite}
                onChange={(e) => change(row.key, { emotion: Number(e.target.value) })}
              >
                {EMOTIONS.map((v) => (
                  <option key={v} value={v}>
                    {signed(v)}
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.note}>
              {t("researchJourneys.note")}
              <input
                value={row.note}
                maxLength={2000}
                dir="auto"
                readOnly={!canWrite}
                onChange={(e) => change(row.key, { note: e.target.value })}
              />
            </label>
            {canWrite && (
              <span className={styles.rowActions}>
                <Button
                  size="small"
                  variant="ghost"
                  disabled={i === 0}
                  aria-label={t("researchJourneys.moveUp", { n: formatNumber(i + 1) })}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  size="small"
                  variant="ghost"
                  disabled={i === rows.length - 1}
                  aria-label={t("researchJourneys.moveDown", { n: formatNumber(i + 1) })}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </Button>
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  {t("researchJourneys.remove", { n: formatNumber(i + 1) })}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {canWrite && (
        <div className={styles.footer}>
          <Button onClick={() => add(true)} disabled={mapSteps.length === 0}>
            {t("researchJourneys.add.mapStep")}
          </Button>
          <Button onClick={() => add(false)}>{t("researchJourneys.add.newStep")}</Button>
          <Button type="submit" variant="primary" disabled={saving}>
            {t("researchJourneys.save")}
          </Button>
          {journey.source === "entered" && (
            <Button variant="ghost" disabled={saving} onClick={onReset}>
              {t("researchJourneys.reset")}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
