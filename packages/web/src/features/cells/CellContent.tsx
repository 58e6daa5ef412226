import type { Card } from "@opencjm/core";
import type { CellContentProps } from "./CellContentProps.js";

/** Stub until the lane-type cell editors land: each card's main text, read-only. */
export function CellContent({ cards }: CellContentProps) {
  return (
    <div>
      {cards.map((card) => (
        <div key={card.id}>{cardText(card)}</div>
      ))}
    </div>
  );
}

function cardText(card: Card): string {
  if ("text" in card) return card.text;
  if ("name" in card) return card.name;
  return card.kind;
}
