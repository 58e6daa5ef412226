import type { Card } from "@opencjm/core";
import { Lightbulb } from "lucide-react";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./OpportunityCard.module.css";

type OpportunityCard = Extract<Card, { kind: "opportunity" }>;

function IdeaCount({ count }: { count: number }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <span className={styles.ideas} data-testid="idea-count">
      <Lightbulb size={11} aria-hidden="true" />
      {t("cells.opportunity.ideas", { count })}
    </span>
  );
}

function OpportunityDisplay({ card }: CardDisplayProps<OpportunityCard>) {
  return (
    <div className={styles.opportunity}>
      <span dir="auto" className={styles.text}>
        {card.text}
      </span>
      <IdeaCount count={card.ideaIds.length} />
    </div>
  );
}

function OpportunityEditor({ card, save }: CardEditorProps<OpportunityCard>) {
  const t = useT();
  const text = useCardText(card, "text", save);
  return (
    <>
      <DraftTextArea draft={text} label={t("cells.opportunity.text")} />
      <IdeaCount count={card.ideaIds.length} />
    </>
  );
}

function OpportunityAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.opportunity")}
      build={(text) => ({ kind: "opportunity", text })}
    />
  );
}

/** Opportunities: what could be better here, with the number of ideas linked to it (ideas come with §4.7). */
export const opportunityCardView: CardView<OpportunityCard> = {
  Display: OpportunityDisplay,
  Editor: OpportunityEditor,
  Adder: OpportunityAdder,
  plainText: (card) => card.text,
};
