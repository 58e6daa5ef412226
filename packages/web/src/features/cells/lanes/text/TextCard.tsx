import type { Card } from "@opencjm/core";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./TextCard.module.css";

/** Cards that are only text: notes, customer actions, expectations. */
export type TextLikeCard = Extract<Card, { kind: "text" | "action" | "expectation" }>;

function TextDisplay({ card }: CardDisplayProps<TextLikeCard>) {
  return (
    <span className={styles.text} dir="auto">
      {card.text}
    </span>
  );
}

function TextEditor({ card, save, context }: CardEditorProps<TextLikeCard>) {
  const t = useT();
  const draft = useCardText(card, "text", save);
  return <DraftTextArea draft={draft} label={t(`vocabulary.laneType.${context.laneType}`)} />;
}

/** The view of a text-only card kind: multi-line text, added from the empty field at the end of the cell. */
export function textCardView<K extends TextLikeCard["kind"]>(kind: K): CardView<Extract<TextLikeCard, { kind: K }>> {
  function Adder({ add, context }: CardAdderProps) {
    const t = useT();
    return (
      <TextAdder
        add={add}
        cellKey={context.cellKey}
        label={t(`cells.adder.${kind}`)}
        build={(text) => ({ kind, text })}
      />
    );
  }
  return { Display: TextDisplay, Editor: TextEditor, Adder, plainText: (card) => card.text };
}
