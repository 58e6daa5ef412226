import { MOMENTS_OF_TRUTH, type Card } from "@opencjm/core";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { CELL_FIELD_ATTRIBUTE } from "../../fields/CellEditingContext.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { useCardText } from "../../fields/useCardFields.js";
import { MomentBadge, type Moment } from "./MomentBadge.js";
import styles from "./MomentCard.module.css";

type MomentCard = Extract<Card, { kind: "momentOfTruth" }>;

function MomentDisplay({ card }: CardDisplayProps<MomentCard>) {
  const t = useT();
  return (
    <div className={styles.moment}>
      <span className={styles.head}>
        <MomentBadge moment={card.moment} />
        <span className={styles.name}>{t(`common.moment.${card.moment}`)}</span>
      </span>
      {card.note.trim() !== "" && (
        <span dir="auto" className={styles.note}>
          {card.note}
        </span>
      )}
    </div>
  );
}

function MomentEditor({ card, save }: CardEditorProps<MomentCard>) {
  const t = useT();
  const note = useCardText(card, "note", save);
  return (
    <>
      <label className={styles.select}>
        {t("cells.moment.label")}
        <select
          {...{ [CELL_FIELD_ATTRIBUTE]: "" }}
          value={card.moment}
          onChange={(e) => save({ moment: e.target.value as Moment })}
        >
          {MOMENTS_OF_TRUTH.map((moment) => (
            <option key={moment} value={moment}>
              {t(`common.moment.${moment}`)}
            </option>
          ))}
        </select>
      </label>
      <DraftInput draft={note} label={t("cells.moment.note")} placeholder={t("cells.moment.note")} />
    </>
  );
}

function MomentAdder({ add }: CardAdderProps) {
  const t = useT();
  return (
    <div className={styles.adder} role="group" aria-label={t("cells.adder.momentOfTruth")}>
      {MOMENTS_OF_TRUTH.map((moment) => (
        <button
          key={moment}
          type="button"
          {...{ [CELL_FIELD_ATTRIBUTE]: "" }}
          className={styles.add}
          aria-label={t("cells.moment.add", { moment: t(`common.moment.${moment}`) })}
          onClick={() => add({ kind: "momentOfTruth", moment })}
        >
          <MomentBadge moment={moment} />
        </button>
      ))}
    </div>
  );
}

/** Moments of truth (ZMOT, FMOT, SMOT, TMOT, sharing): a badge you cannot miss, with a note. */
export const momentCardView: CardView<MomentCard> = {
  Display: MomentDisplay,
  Editor: MomentEditor,
  Adder: MomentAdder,
  plainText: (card) => `${card.moment} ${card.note}`.trim(),
};
