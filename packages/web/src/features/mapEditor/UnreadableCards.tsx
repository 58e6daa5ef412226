import {
  CardSchema,
  cardKindsForLane,
  LaneSchema,
  mapRoots,
  type CardKind,
  type MapOperationInput,
} from "@opencjm/core";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { Button } from "../../app/Button.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./UnreadableCards.module.css";

/** A card stored on the map that does not fit its schema, with what can be read of it. */
export interface UnreadableCard {
  id: string;
  text: string;
  problem: string;
  /** The kind a repair turns it into: its lane's text-bearing kind, when the lane has one. */
  repairKind: CardKind | null;
}

/** Kinds whose content is one text field, so a repair can keep what the card said. */
const TEXT_KINDS = new Set<CardKind>(["text", "action", "thought", "quote", "opportunity", "expectation", "process"]);

/** Finds the cards of a map document that do not fit their schema (stored by an older version, or damaged). */
export function findUnreadableCards(doc: Y.Doc): UnreadableCard[] {
  const roots = mapRoots(doc);
  const found: UnreadableCard[] = [];
  for (const [id, entity] of roots.cards.entries()) {
    const fields = Object.fromEntries([...entity.entries()].filter(([k]) => k !== "laneId" && k !== "stepId"));
    const parsed = CardSchema.safeParse(fields);
    if (parsed.success) continue;
    const lane = LaneSchema.safeParse({
      ...Object.fromEntries(roots.lanes.get(String(entity.get("laneId")))?.entries() ?? []),
      id: "lane",
    });
    const kinds = lane.success ? cardKindsForLane(lane.data.type) : [];
    const said = [fields.text, fields.name, fields.note, fields.title].find(
      (v) => typeof v === "string" && v.trim() !== "",
    );
    const issue = parsed.error.issues[0];
    found.push({
      id,
      text: typeof said === "string" ? said : JSON.stringify(fields),
      problem: `${issue?.path.join(".") || "card"}: ${issue?.message ?? ""}`,
      repairKind: kinds.find((k) => TEXT_KINDS.has(k)) ?? null,
    });
  }
  return found;
}

/** The operation that repairs a card in place as a plain card of its lane, keeping its text. */
export function repairOperation(card: UnreadableCard): MapOperationInput | null {
  if (!card.repairKind) return null;
  return {
    op: "replaceCard",
    cardId: card.id,
    card: { kind: card.repairKind, text: card.text.slice(0, 20_000) },
  } as MapOperationInput;
}

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
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const scan = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCards(findUnreadableCards(doc)), 500);
    };
    const root = mapRoots(doc).cards;
    scan();
    root.observeDeep(scan);
    return () => {
      clearTimeout(timer);
      root.unobserveDeep(scan);
    };
  }, [doc]);
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
