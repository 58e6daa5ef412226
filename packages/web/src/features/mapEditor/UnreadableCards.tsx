import { type MapOperationInput } from "@opencjm/core";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { Button } from "../../app/Button.js";
import { useT } from "../../i18n/I18nProvider.js";
import { repairOperation, watchUnreadableCards, type UnreadableCard } from "./findUnreadableCards.js";
import styles from "./UnreadableCards.module.css";

/**
 * Says when a map holds cards that cannot be read (they are kept, not dropped) and offers to repair each as a plain
 * card of its lane, or to delete it. Looks after the first paint and again when cards change, so opening a map does
 * not wait for it.
 */
export function UnreadableCards({
  doc,
  readOnly,
  apply,
}: {
  doc: Y.Doc;
  readOnly: boolean;
  apply: (ops: MapOperationInput[]) => boolean;
}) {
  const t = useT();
  const [cards, setCards] = useState<UnreadableCard[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => watchUnreadableCards(doc, setCards, 500), [doc]);
  // The list drops a card as soon as its repair or deletion is applied, rather than at the next scan.
  const act = (cardId: string, op: MapOperationInput) => {
    if (apply([op])) setCards((list) => list.filter((c) => c.id !== cardId));
  };
  if (cards.length === 0) return null;
  return (
    <div className={styles.notice} role="status" data-testid="unreadable-cards">
      <span>{t("editor.unreadable.summary", { count: cards.length })}</span>
      <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? t("editor.unreadable.hide") : t("editor.unreadable.show")}
      </Button>
      {open && (
        <ul className={styles.list}>
          {cards.map((card) => {
            const repair = repairOperation(card);
            return (
              <li key={card.id}>
                <span className={styles.text}>{card.text}</span>
                <span className={styles.problem} dir="ltr">
                  {card.problem}
                </span>
                {!readOnly && repair && (
                  <Button size="small" onClick={() => act(card.id, repair)}>
                    {t("editor.unreadable.repair")}
                  </Button>
                )}
                {!readOnly && (
                  <Button
                    size="small"
                    variant="danger"
                    onClick={() => act(card.id, { op: "removeCard", cardId: card.id })}
                  >
                    {t("editor.unreadable.delete")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
