import type { Card } from "@opencjm/core";
import { Lightbulb } from "lucide-react";
import { Link } from "wouter";
import { backlogHref, useIdeaLinks } from "../../../ideas/IdeaLinksContext.js";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./OpportunityCard.module.css";

type OpportunityCard = Extract<Card, { kind: "opportunity" }>;

/**
 * How many ideas answer this opportunity: those linked to it in the workspace's ideas and any the card itself lists
 * (from an imported file). In the live editor it links to them in the backlog.
 */
function IdeaCount({ card }: { card: OpportunityCard }) {
  const t = useT();
  const links = useIdeaLinks();
  const ids = new Set([...card.ideaIds, ...(links?.ideasByCard.get(card.id) ?? []).map((idea) => idea.id)]);
  const count = ids.size;
  if (count === 0) return null;
  const content = (
    <>
      <Lightbulb size={11} aria-hidden="true" />
      {t("cells.opportunity.ideas", { count })}
    </>
  );
  if (!links)
    return (
      <span className={styles.ideas} data-testid="idea-count">
        {content}
      </span>
    );
  return (
    <Link
      href={backlogHref(links.workspaceId, links.mapId)}
      className={styles.ideas}
      data-testid="idea-count"
      onClick={(e) => e.stopPropagation()}
    >
      {content}
    </Link>
  );
}

function OpportunityDisplay({ card }: CardDisplayProps<OpportunityCard>) {
  return (
    <div className={styles.opportunity}>
      <span dir="auto" className={styles.text}>
        {card.text}
      </span>
      <IdeaCount card={card} />
    </div>
  );
}

function OpportunityEditor({ card, save }: CardEditorProps<OpportunityCard>) {
  const t = useT();
  const text = useCardText(card, "text", save);
  return (
    <>
      <DraftTextArea draft={text} label={t("cells.opportunity.text")} />
      <IdeaCount card={card} />
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

/** Opportunities: what could be better here, with the number of ideas linked to it, leading to them. */
export const opportunityCardView: CardView<OpportunityCard> = {
  Display: OpportunityDisplay,
  Editor: OpportunityEditor,
  Adder: OpportunityAdder,
  plainText: (card) => card.text,
};
