import type { Card } from "@opencjm/core";
import { Activity } from "lucide-react";
import type { CardDisplayProps, CardView } from "../../CardView.js";
import styles from "./DataCard.module.css";

type DataCard = Extract<Card, { kind: "data" }>;

function DataDisplay({ card }: CardDisplayProps<DataCard>) {
  return (
    <div className={styles.data}>
      <span className={styles.metric}>
        <Activity size={12} aria-hidden="true" />
        <bdi>{card.metric}</bdi>
      </span>
      {card.note.trim() !== "" && (
        <span dir="auto" className={styles.note}>
          {card.note}
        </span>
      )}
    </div>
  );
}

/** The data lane's cards: shown only; the data lane fills itself from imported customer data (PRODUCT.md §4.6). */
export const dataCardView: CardView<DataCard> = { Display: DataDisplay, plainText: (card) => card.metric };
