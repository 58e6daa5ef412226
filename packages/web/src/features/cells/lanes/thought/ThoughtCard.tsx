import type { Card } from "@opencjm/core";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./ThoughtCard.module.css";

type ThoughtCard = Extract<Card, { kind: "thought" }>;

function ThoughtDisplay({ card }: CardDisplayProps<ThoughtCard>) {
  const t = useT();
  return (
    <span
      className={`${styles.thought} ${card.question ? styles.question : ""}`}
      data-question={card.question || undefined}
    >
      {card.question && (
        <span
          className={styles.mark}
          role="img"
          aria-label={t("cells.thought.question")}
          title={t("cells.thought.question")}
        >
          ?
        </span>
      )}
      <span dir="auto" className={styles.text}>
        {card.text}
      </span>
    </span>
  );
}

function ThoughtEditor({ card, save }: CardEditorProps<ThoughtCard>) {
  const t = useT();
  const draft = useCardText(card, "text", save);
  return (
    <>
      <DraftTextArea draft={draft} label={t("cells.thought.text")} />
      <label className={styles.toggle}>
        <input type="checkbox" checked={card.question} onChange={(e) => save({ question: e.target.checked })} />
        {t("cells.thought.isQuestion")}
      </label>
    </>
  );
}

function ThoughtAdder({ add, context }: CardAdderProps) {
  const t = useT();
  // A thought typed with a question mark at its end (?, ？ or ؟) starts out as a question.
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.thought")}
      build={(text) => ({ kind: "thought", text, question: /[?？؟]\s*$/.test(text) })}
    />
  );
}

/** Thoughts and questions: text, with questions drawn with a question mark. */
export const thoughtCardView: CardView<ThoughtCard> = {
  Display: ThoughtDisplay,
  Editor: ThoughtEditor,
  Adder: ThoughtAdder,
  plainText: (card) => card.text,
};
