import type { Card, Evidence } from "@opencjm/core";
import { useT } from "../../../i18n/I18nProvider.js";
import type { CardSave } from "../CardView.js";
import styles from "./EvidencePicker.module.css";

const LEVELS: ReadonlyArray<Evidence["level"]> = ["assumption", "research", "data"];

/** Lets an editor say whether a card is an assumption, rests on research or on data; saved at once. */
export function EvidencePicker({ card, save }: { card: Card; save: CardSave }) {
  const t = useT();
  return (
    <select
      className={styles.picker}
      aria-label={t("cells.evidence.label")}
      value={card.evidence.level}
      data-evidence={card.evidence.level}
      onChange={(e) => save({ evidence: { ...card.evidence, level: e.target.value as Evidence["level"] } })}
    >
      {LEVELS.map((level) => (
        <option key={level} value={level}>
          {t(`vocabulary.evidence.${level}`)}
        </option>
      ))}
    </select>
  );
}
