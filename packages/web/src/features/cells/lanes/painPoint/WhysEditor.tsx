import type { Card } from "@opencjm/core";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardSave } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { useDraftField } from "../../fields/useDraftField.js";
import styles from "./WhysEditor.module.css";

type PainPointCard = Extract<Card, { kind: "painPoint" }>;

/** The schema's limit on a 5-whys chain. */
export const MAX_WHYS = 10;

function WhyField({
  card,
  index,
  save,
  autoFocus,
}: {
  card: PainPointCard;
  index: number;
  save: CardSave;
  autoFocus: boolean;
}) {
  const t = useT();
  const draft = useDraftField(`${card.id}:whys:${index}`, card.whys[index] ?? "", (text) =>
    save({ whys: card.whys.map((w, i) => (i === index ? text : w)) }),
  );
  return (
    <li className={styles.why}>
      <span className={styles.number} aria-hidden="true">
        {t("cells.painPoint.whyNumber", { n: index + 1 })}
      </span>
      <DraftInput draft={draft} label={t("cells.painPoint.whyLabel", { n: index + 1 })} autoFocus={autoFocus} />
      <button
        type="button"
        className={styles.remove}
        aria-label={t("cells.painPoint.removeWhy", { n: index + 1 })}
        onClick={() => save({ whys: card.whys.filter((_, i) => i !== index) })}
      >
        <X size={12} aria-hidden="true" />
      </button>
    </li>
  );
}

/** The 5-whys chain of a pain point: each answer asks "why?" of the one before, towards the root cause. */
export function WhysEditor({ card, save }: { card: PainPointCard; save: CardSave }) {
  const t = useT();
  const [added, setAdded] = useState<number | null>(null);
  return (
    <div className={styles.whys}>
      <ol className={styles.list} aria-label={t("cells.painPoint.whys")}>
        {card.whys.map((_, index) => (
          <WhyField key={index} card={card} index={index} save={save} autoFocus={index === added} />
        ))}
      </ol>
      <button
        type="button"
        className={styles.add}
        disabled={card.whys.length >= MAX_WHYS}
        onClick={() => {
          if (!save({ whys: [...card.whys, ""] })) setAdded(card.whys.length);
        }}
      >
        <Plus size={12} aria-hidden="true" />
        {t("cells.painPoint.addWhy")}
      </button>
    </div>
  );
}
