import { MAP_STATUSES, MAP_TYPES, type MapSettings, type Persona } from "@opencjm/core";
import { useState, type FormEvent } from "react";
import { Dialog } from "../../../app/Dialog.js";
import { Button } from "../../../app/Button.js";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./SettingsDrawer.module.css";

type Draft = Pick<MapSettings, "goal" | "scope" | "type" | "status" | "personaIds"> & {
  tags: string;
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
};

const draftOf = (s: MapSettings): Draft => ({
  goal: s.goal,
  scope: s.scope,
  type: s.type,
  status: s.status,
  personaIds: s.personaIds,
  tags: s.tags.join(", "),
  min: String(s.emotionScale.min),
  max: String(s.emotionScale.max),
  minLabel: s.emotionScale.minLabel,
  maxLabel: s.emotionScale.maxLabel,
});

/** The changed settings as one `updateSettings` patch (fields left alone are not sent, so nothing else is reset). */
export function settingsPatch(before: MapSettings, draft: Draft): Partial<MapSettings> {
  const patch: Record<string, unknown> = {};
  for (const key of ["goal", "scope", "type", "status"] as const)
    if (draft[key] !== before[key]) patch[key] = draft[key];
  if (JSON.stringify(draft.personaIds) !== JSON.stringify(before.personaIds)) patch.personaIds = draft.personaIds;
  const tags = [
    ...new Set(
      draft.tags
        .split(/[,，،\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (JSON.stringify(tags) !== JSON.stringify(before.tags)) patch.tags = tags;
  const scale = { min: Number(draft.min), max: Number(draft.max), minLabel: draft.minLabel, maxLabel: draft.maxLabel };
  if (JSON.stringify(scale) !== JSON.stringify(before.emotionScale)) patch.emotionScale = scale;
  return patch as Partial<MapSettings>;
}

/**
 * The map settings (goal, scope, type, status, personas on the map, tags, emotion scale) in a drawer at the inline
 * end: the app's dialog (Radix), so Tab stays inside, Escape or a click beside it closes it and focus goes back.
 */
export function SettingsDrawer({
  settings,
  personas,
  readOnly,
  onApply,
  onClose,
}: {
  settings: MapSettings;
  personas: readonly Persona[];
  readOnly: boolean;
  onApply: (patch: Partial<MapSettings>) => boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const known = new Set(personas.map((p) => p.id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch = settingsPatch(settings, draft);
    if (Object.keys(patch).length === 0 || onApply(patch)) onClose();
  };

  return (
    <Dialog
      title={t("editor.settings.title")}
      onClose={onClose}
      testId="settings-drawer"
      variant="drawer"
      closeLabel={t("common.action.close")}
    >
      <form onSubmit={submit} className={styles.form}>
        <fieldset disabled={readOnly} className={styles.fields}>
          <label>
            {t("editor.settings.goal")}
            <textarea
              dir="auto"
              rows={3}
              maxLength={2000}
              value={draft.goal}
              onChange={(e) => set("goal", e.target.value)}
              name="goal"
            />
          </label>
          <label>
            {t("editor.settings.scope")}
            <textarea
              dir="auto"
              rows={3}
              maxLength={2000}
              value={draft.scope}
              onChange={(e) => set("scope", e.target.value)}
              name="scope"
            />
          </label>
          <label>
            {t("editor.settings.type")}
            <select value={draft.type} onChange={(e) => set("type", e.target.value as Draft["type"])} name="type">
              {MAP_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`vocabulary.mapType.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("editor.settings.status")}
            <select
              value={draft.status}
              onChange={(e) => set("status", e.target.value as Draft["status"])}
              name="status"
            >
              {MAP_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`vocabulary.mapStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className={styles.group}>
            <legend>{t("editor.settings.personas")}</legend>
            {personas.length === 0 && <p className={styles.hint}>{t("editor.settings.noPersonas")}</p>}
            {personas.map((p) => (
              <label key={p.id} className={styles.check}>
                <input
                  type="checkbox"
                  checked={draft.personaIds.includes(p.id)}
                  onChange={(e) =>
                    set(
                      "personaIds",
                      e.target.checked ? [...draft.personaIds, p.id] : draft.personaIds.filter((x) => x !== p.id),
                    )
                  }
                  data-persona-id={p.id}
                />
                <bdi>{p.name}</bdi>
              </label>
            ))}
            {draft.personaIds.filter((pid) => !known.has(pid)).length > 0 && (
              <p className={styles.hint}>
                {t("editor.settings.unknownPersonas", {
                  count: draft.personaIds.filter((pid) => !known.has(pid)).length,
                })}
              </p>
            )}
          </fieldset>
          <label>
            {t("editor.settings.tags")}
            <input
              dir="auto"
              value={draft.tags}
              onChange={(e) => set("tags", e.target.value)}
              name="tags"
              placeholder={t("editor.settings.tagsHint")}
            />
          </label>
          <fieldset className={styles.group}>
            <legend>{t("editor.settings.scale")}</legend>
            <div className={styles.scale}>
              <label>
                {t("editor.settings.scaleMax")}
                <input
                  type="number"
                  min={1}
                  max={10}
                  step={1}
                  value={draft.max}
                  onChange={(e) => set("max", e.target.value)}
                  name="scaleMax"
                />
              </label>
              <label>
                {t("editor.settings.scaleMaxLabel")}
                <input
                  dir="auto"
                  maxLength={60}
                  value={draft.maxLabel}
                  onChange={(e) => set("maxLabel", e.target.value)}
                  name="scaleMaxLabel"
                />
              </label>
              <label>
                {t("editor.settings.scaleMin")}
                <input
                  type="number"
                  min={-10}
                  max={0}
                  step={1}
                  value={draft.min}
                  onChange={(e) => set("min", e.target.value)}
                  name="scaleMin"
                />
              </label>
              <label>
                {t("editor.settings.scaleMinLabel")}
                <input
                  dir="auto"
                  maxLength={60}
                  value={draft.minLabel}
                  onChange={(e) => set("minLabel", e.target.value)}
                  name="scaleMinLabel"
                />
              </label>
            </div>
            <p className={styles.hint}>{t("editor.settings.scaleHint")}</p>
          </fieldset>
        </fieldset>
        {!readOnly && (
          <footer className={styles.foot}>
            <Button onClick={onClose}>{t("common.action.cancel")}</Button>
            <Button type="submit" variant="primary" data-testid="settings-apply">
              {t("common.action.apply")}
            </Button>
          </footer>
        )}
      </form>
    </Dialog>
  );
}
