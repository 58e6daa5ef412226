import { STUDY_METHODS, type Study, type StudyCreateRequest, type StudyMethod } from "@opencjm/core";
import { DatePicker } from "../../app/DatePicker.js";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { mapListQuery, personaListQuery } from "../../api/workspaceQueries.js";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useT } from "../../i18n/I18nProvider.js";
import { createStudy, updateStudy } from "./researchApi.js";
import { useReloadResearch } from "./researchQueries.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Research.module.css";

/** Adds or removes one id of a list, for the persona and map checkboxes. */
const toggled = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

/**
 * Creates a study or edits one: title, method, goal, dates, the personas and segment it studies and the maps it
 * informs. Saving closes the dialog and refreshes every research list.
 */
export function StudyDialog({
  workspaceId,
  study,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  /** The study to edit; absent to create one. */
  study?: Study;
  onClose: () => void;
  onSaved?: (study: Study) => void;
}) {
  const t = useT();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const personas = useQuery(personaListQuery(workspaceId));
  const maps = useQuery(mapListQuery(workspaceId));
  const [title, setTitle] = useState(study?.title ?? "");
  const [method, setMethod] = useState<StudyMethod>(study?.method ?? "interview");
  const [goal, setGoal] = useState(study?.goal ?? "");
  const [startsOn, setStartsOn] = useState(study?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(study?.endsOn ?? "");
  const [segment, setSegment] = useState(study?.segment ?? "");
  const [personaIds, setPersonaIds] = useState(study?.personaIds ?? []);
  const [mapIds, setMapIds] = useState(study?.mapIds ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body: StudyCreateRequest = {
        title,
        method,
        goal,
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        segment,
        personaIds,
        mapIds,
      };
      return study ? updateStudy(workspaceId, study.id, body) : createStudy(workspaceId, body);
    },
    onSuccess: async (saved) => {
      await reload();
      onSaved?.(saved);
      onClose();
    },
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Dialog
      title={study ? t("research.study.edit") : t("research.study.create")}
      onClose={onClose}
      testId="study-dialog"
    >
      <form className={styles.form} onSubmit={handleSubmit}>
        <label>
          {t("research.study.title")}
          <input value={title} required maxLength={200} dir="auto" onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t("research.study.method")}
          <select value={method} onChange={(e) => setMethod(e.target.value as StudyMethod)}>
            {STUDY_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`research.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.study.goal")}
          <textarea value={goal} maxLength={5000} dir="auto" onChange={(e) => setGoal(e.target.value)} />
        </label>
        <div className={styles.row}>
          <label>
            {t("research.study.startsOn")}
            <DatePicker value={startsOn} onChange={setStartsOn} />
          </label>
          <label>
            {t("research.study.endsOn")}
            <DatePicker value={endsOn} min={startsOn || undefined} onChange={setEndsOn} />
          </label>
        </div>
        <label>
          {t("research.study.segment")}
          <input value={segment} maxLength={500} dir="auto" onChange={(e) => setSegment(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t("research.study.personas")}</legend>
          {(personas.data ?? []).length === 0 && <p className={styles.muted}>{t("research.study.noPersonas")}</p>}
          {(personas.data ?? []).map((p) => (
            <label key={p.id} className={styles.row}>
              <input
                type="checkbox"
                checked={personaIds.includes(p.id)}
                onChange={(e) => setPersonaIds(toggled(personaIds, p.id, e.target.checked))}
              />
              <bdi>{p.name}</bdi>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("research.study.maps")}</legend>
          {(maps.data ?? []).map((m) => (
            <label key={m.id} className={styles.row}>
              <input
                type="checkbox"
                checked={mapIds.includes(m.id)}
                onChange={(e) => setMapIds(toggled(mapIds, m.id, e.target.checked))}
              />
              <bdi>{m.title}</bdi>
            </label>
          ))}
        </fieldset>
        {save.error && (
          <p role="alert" className={styles.error}>
            {errorMessage(save.error)}
          </p>
        )}
        <div className={styles.actions}>
          <Button type="submit" variant="primary" disabled={save.isPending} data-testid="study-save">
            {t("research.save")}
          </Button>
          <Button onClick={onClose}>{t("research.cancel")}</Button>
        </div>
      </form>
    </Dialog>
  );
}
