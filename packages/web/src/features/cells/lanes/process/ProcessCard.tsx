import type { Card } from "@opencjm/core";
import { Hourglass, TriangleAlert } from "lucide-react";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./ProcessCard.module.css";

type ProcessCard = Extract<Card, { kind: "process" }>;

function Markers({ card }: { card: ProcessCard }) {
  const t = useT();
  if (!card.failurePoint && !card.waitPoint) return null;
  return (
    <span className={styles.markers}>
      {card.failurePoint && (
        <span className={`${styles.marker} ${styles.failure}`} data-marker="failure">
          <TriangleAlert size={12} aria-hidden="true" />
          {t("cells.process.failurePoint")}
        </span>
      )}
      {card.waitPoint && (
        <span className={`${styles.marker} ${styles.wait}`} data-marker="wait">
          <Hourglass size={12} aria-hidden="true" />
          {t("cells.process.waitPoint")}
        </span>
      )}
    </span>
  );
}

function ProcessDisplay({ card }: CardDisplayProps<ProcessCard>) {
  return (
    <div className={styles.process}>
      {card.actor.trim() !== "" && <bdi className={styles.actor}>{card.actor}</bdi>}
      <span dir="auto" className={styles.text}>
        {card.text}
      </span>
      <Markers card={card} />
    </div>
  );
}

function ProcessEditor({ card, save }: CardEditorProps<ProcessCard>) {
  const t = useT();
  const text = useCardText(card, "text", save);
  const actor = useCardText(card, "actor", save);
  return (
    <>
      <DraftTextArea draft={text} label={t("cells.process.text")} />
      <DraftInput draft={actor} label={t("cells.process.actor")} placeholder={t("cells.process.actor")} />
      <div className={styles.toggles}>
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={card.failurePoint}
            onChange={(e) => save({ failurePoint: e.target.checked })}
          />
          <TriangleAlert size={12} aria-hidden="true" className={styles.failure} />
          {t("cells.process.failurePoint")}
        </label>
        <label className={styles.toggle}>
          <input type="checkbox" checked={card.waitPoint} onChange={(e) => save({ waitPoint: e.target.checked })} />
          <Hourglass size={12} aria-hidden="true" className={styles.wait} />
          {t("cells.process.waitPoint")}
        </label>
      </div>
    </>
  );
}

function ProcessAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.process")}
      build={(text) => ({ kind: "process", text })}
    />
  );
}

/** Service blueprint processes (frontstage, backstage, support): who does what, with failure and wait points. */
export const processCardView: CardView<ProcessCard> = {
  Display: ProcessDisplay,
  Editor: ProcessEditor,
  Adder: ProcessAdder,
  plainText: (card) => (card.actor ? `${card.actor}: ${card.text}` : card.text),
};
