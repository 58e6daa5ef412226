import { shownEvidenceLevel, type Card } from "@opencjm/core";
import type { DragEvent } from "react";
import { ThreadBadge } from "../comments/ThreadBadge.js";
import { IdeaBadge } from "../ideas/IdeaBadge.js";
import { useResearchCardIds } from "../research/StepResearchContext.js";
import { startCardDrag } from "./cardDrag.js";
import { useActionOffers } from "./shell/ActionOffers.js";
import { viewOf } from "./cardViews.js";
import type { CardContext } from "./CardView.js";
import type { CellContentProps } from "./CellContentProps.js";
import { CardShell } from "./shell/CardShell.js";
import { EvidenceMarker } from "./shell/EvidenceMarker.js";
import { useCardDrop } from "./useCardDrop.js";
import styles from "./CellContent.module.css";

/** The cards of a cell as the grid shows them; in a writable map each card can be dragged to another place or cell. */
export function CellDisplay({
  lane,
  step,
  cards,
  readOnly,
  onEdit,
  context,
  onCardDoubleClick,
}: CellContentProps & {
  context: CardContext;
  /** Told which card a double-click (which opens edit mode) landed on, before the cell handles it. */
  onCardDoubleClick?: (cardId: string) => void;
}) {
  const researchCards = useResearchCardIds();
  const offering = useActionOffers();
  const drop = useCardDrop({ lane, step, cards, enabled: !readOnly, onEdit });
  return (
    <ul
      className={styles.cards}
      data-testid="cell-cards"
      data-drop-target={drop.target ? "" : undefined}
      {...drop.handlers}
      onDoubleClick={(event) => {
        const cardId = (event.target as Element).closest<HTMLElement>("[data-card-id]")?.dataset.cardId;
        if (cardId) onCardDoubleClick?.(cardId);
      }}
    >
      {cards.map((card) => {
        const view = viewOf(card.kind);
        const label = view.plainText(card, context);
        const onDragStart = readOnly
          ? undefined
          : (event: DragEvent<HTMLElement>) => {
              event.stopPropagation();
              startCardDrag(
                event.dataTransfer,
                { cardId: card.id, kind: card.kind, laneId: lane.id, stepId: step.id },
                label,
              );
            };
        return (
          <CardShell
            key={card.id}
            card={card}
            marker={<EvidenceMarker level={shownEvidenceLevel(card.evidence.level, researchCards.has(card.id))} />}
            onDragStart={onDragStart}
            dropSide={drop.target?.cardId === card.id ? drop.target.side : null}
            accent={view.accent?.(card)}
            badge={<CardLinks card={card} label={label} part="count" />}
            offers={offering && <CardLinks card={card} label={label} part="offer" />}
          >
            <view.Display card={card} context={context} />
          </CardShell>
        );
      })}
    </ul>
  );
}

/** A card's ideas and comment threads: the counts of those there are, or the buttons that start one. */
function CardLinks({ card, label, part }: { card: Card; label: string; part: "count" | "offer" }) {
  return (
    <>
      <IdeaBadge card={card} label={label} part={part} />
      <ThreadBadge anchor={{ kind: "card", cardId: card.id }} label={label} part={part} />
    </>
  );
}
