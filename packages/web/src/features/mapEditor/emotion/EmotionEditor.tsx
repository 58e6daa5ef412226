import type { EmotionScale } from "@opencjm/core";
import { useEffect, useRef, useState } from "react";
import { Button } from "../../../app/Button.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import type { EmotionValue } from "../store/MapView.js";
import type { EmotionPersona } from "./EmotionPersona.js";
import styles from "./EmotionEditor.module.css";

function PersonaRow({
  persona,
  point,
  scale,
  autoFocus,
  onChange,
}: {
  persona: EmotionPersona;
  point: EmotionValue | undefined;
  scale: EmotionScale;
  autoFocus: boolean;
  onChange: (value: number | null, note?: string) => boolean;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(point ? String(point.value) : "");
  const [note, setNote] = useState(point?.note ?? "");
  const [invalid, setInvalid] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  // Focused and selected, so typing a number replaces the value.
  useEffect(() => {
    if (!autoFocus) return;
    ref.current?.focus();
    ref.current?.select();
  }, [autoFocus]);
  // A collaborator's change (or a drag) shows up here unless the field is being typed in.
  useEffect(() => {
    if (document.activeElement !== ref.current) setDraft(point ? String(point.value) : "");
  }, [point]);

  const commitValue = (text: string) => {
    setDraft(text);
    if (text.trim() === "") return setInvalid(false);
    const value = Number(text.replace(",", "."));
    const ok = Number.isFinite(value) && value >= scale.min && value <= scale.max;
    setInvalid(!ok);
    if (ok && value !== point?.value) onChange(value);
  };
  const id = `emotion-${persona.id}`;
  return (
    <fieldset className={styles.row} data-testid="emotion-editor-row" data-persona-id={persona.id}>
      <legend className={styles.persona}>
        <span className={styles.dot} style={{ background: persona.color }} />
        <bdi>{persona.name}</bdi>
      </legend>
      <label htmlFor={`${id}-value`}>{t("editor.emotion.value", { min: scale.min, max: scale.max })}</label>
      <input
        ref={ref}
        id={`${id}-value`}
        type="number"
        inputMode="decimal"
        step={0.5}
        min={scale.min}
        max={scale.max}
        value={draft}
        aria-invalid={invalid || undefined}
        onChange={(e) => commitValue(e.target.value)}
      />
      {invalid && (
        <span role="alert" className={styles.error}>
          {t("editor.emotion.outOfScale", { min: scale.min, max: scale.max })}
        </span>
      )}
      <label htmlFor={`${id}-note`}>{t("editor.emotion.note")}</label>
      <input
        id={`${id}-note`}
        dir="auto"
        maxLength={500}
        value={note}
        disabled={!point}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => point && note !== point.note && onChange(point.value, note)}
      />
      <Button size="small" disabled={!point} onClick={() => onChange(null)}>
        {t("common.action.clear")}
      </Button>
    </fieldset>
  );
}

/** Typing a step's emotion values and notes, one row per persona on the map. */
export function EmotionEditor({
  personas,
  points,
  scale,
  onChange,
  onClose,
}: {
  personas: readonly EmotionPersona[];
  points: ReadonlyMap<string, EmotionValue | undefined>;
  scale: EmotionScale;
  onChange: (personaId: string, value: number | null, note?: string) => boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <div
      className={styles.editor}
      role="group"
      aria-label={t("editor.emotion.editorLabel")}
      data-testid="emotion-editor"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") {
          e.preventDefault();
          (document.activeElement as HTMLElement | null)?.blur();
          onClose();
        }
      }}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {personas.map((p, i) => (
        <PersonaRow
          key={p.id}
          persona={p}
          point={points.get(p.id)}
          scale={scale}
          autoFocus={i === 0}
          onChange={(value, note) => onChange(p.id, value, note)}
        />
      ))}
      <button type="button" className={styles.done} onClick={onClose}>
        {t("common.action.done")}
      </button>
    </div>
  );
}
