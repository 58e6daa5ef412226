import type { Card } from "@opencjm/core";
import { Clock } from "lucide-react";
import { useState } from "react";
import { useI18n } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { formatNumberForInput, parseLocaleNumber } from "../../fields/parseLocaleNumber.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import { useDraftField } from "../../fields/useDraftField.js";
import { DURATION_UNITS, formatDuration, naturalUnit, type DurationUnit } from "./formatDuration.js";
import styles from "./DurationCard.module.css";

type DurationCard = Extract<Card, { kind: "duration" }>;

function DurationDisplay({ card }: CardDisplayProps<DurationCard>) {
  const { locale } = useI18n();
  return (
    <span className={styles.duration}>
      <Clock size={13} aria-hidden="true" className={styles.icon} />
      {card.minutes !== undefined && <span className={styles.time}>{formatDuration(card.minutes, locale)}</span>}
      {card.label.trim() !== "" && (
        <bdi className={card.minutes !== undefined ? styles.label : undefined}>{card.label}</bdi>
      )}
    </span>
  );
}

function UnitSelect({ value, onChange }: { value: DurationUnit; onChange: (unit: DurationUnit) => void }) {
  const { t } = useI18n();
  return (
    <select
      className={styles.unit}
      aria-label={t("cells.duration.unit")}
      value={value}
      onChange={(e) => onChange(e.target.value as DurationUnit)}
    >
      {(Object.keys(DURATION_UNITS) as DurationUnit[]).map((unit) => (
        <option key={unit} value={unit}>
          {t(`cells.duration.${unit}s`)}
        </option>
      ))}
    </select>
  );
}

function DurationEditor({ card, save }: CardEditorProps<DurationCard>) {
  const { t, locale } = useI18n();
  const [unit, setUnit] = useState<DurationUnit>(() => naturalUnit(card.minutes));
  const factor = DURATION_UNITS[unit];
  const stored = card.minutes === undefined ? "" : formatNumberForInput(card.minutes / factor, locale);
  const amount = useDraftField(`${card.id}:minutes`, stored, (text) => {
    if (text.trim() === "") return save({ minutes: undefined });
    const value = parseLocaleNumber(text, locale);
    if (value === null) return { field: "minutes", code: "notNumber" };
    if (value < 0) return { field: "minutes", code: "outOfRange", max: (525_600 * 10) / factor };
    const problem = save({ minutes: value * factor });
    return problem?.code === "outOfRange" ? { ...problem, max: (problem.max ?? 0) / factor } : problem;
  });
  const label = useCardText(card, "label", save);
  return (
    <>
      <div className={styles.row}>
        <DraftInput
          draft={amount}
          label={t("cells.duration.amount")}
          placeholder={t("cells.duration.amount")}
          inputMode="decimal"
        />
        <UnitSelect
          value={unit}
          onChange={(next) => {
            // The number stays and its unit changes: "2" minutes becomes 2 hours.
            if (card.minutes !== undefined) save({ minutes: (card.minutes / factor) * DURATION_UNITS[next] });
            setUnit(next);
          }}
        />
      </div>
      <DraftInput draft={label} label={t("cells.duration.label")} placeholder={t("cells.duration.labelHint")} />
    </>
  );
}

function DurationAdder({ add, context }: CardAdderProps) {
  const { t, locale } = useI18n();
  const [unit, setUnit] = useState<DurationUnit>("minute");
  // A number is a time in the chosen unit; anything else ("about a week") is kept as a free label.
  const build = (text: string) => {
    const value = parseLocaleNumber(text, locale);
    return value === null
      ? { kind: "duration" as const, label: text.trim() }
      : { kind: "duration" as const, minutes: value * DURATION_UNITS[unit] };
  };
  return (
    <div className={styles.row}>
      <TextAdder add={add} cellKey={context.cellKey} label={t("cells.adder.duration")} build={build} />
      <UnitSelect value={unit} onChange={setUnit} />
    </div>
  );
}

/** Time spent at a step: minutes (typed in minutes, hours or days, shown the way people say it) or a free label. */
export const durationCardView: CardView<DurationCard> = {
  Display: DurationDisplay,
  Editor: DurationEditor,
  Adder: DurationAdder,
  plainText: (card) => [card.minutes === undefined ? "" : `${card.minutes} min`, card.label].filter(Boolean).join(" "),
};
