import {
  CardSchema,
  cardKindsForLane,
  LaneSchema,
  mapRoots,
  type CardKind,
  type MapOperationInput,
} from "@opencjm/core";
import type * as Y from "yjs";

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

/** The card with this id when it is on the map and does not fit its schema; null when it reads (or is gone). */
function checkCard(doc: Y.Doc, id: string): UnreadableCard | null {
  const roots = mapRoots(doc);
  const entity = roots.cards.get(id);
  if (!entity) return null;
  const fields = Object.fromEntries([...entity.entries()].filter(([k]) => k !== "laneId" && k !== "stepId"));
  const parsed = CardSchema.safeParse(fields);
  if (parsed.success) return null;
  const lane = LaneSchema.safeParse({
    ...Object.fromEntries(roots.lanes.get(String(entity.get("laneId")))?.entries() ?? []),
    id: "lane",
  });
  const kinds = lane.success ? cardKindsForLane(lane.data.type) : [];
  const said = [fields.text, fields.name, fields.note, fields.title].find(
    (v) => typeof v === "string" && v.trim() !== "",
  );
  const issue = parsed.error.issues[0];
  return {
    id,
    text: typeof said === "string" ? said : JSON.stringify(fields),
    problem: `${issue?.path.join(".") || "card"}: ${issue?.message ?? ""}`,
    repairKind: kinds.find((k) => TEXT_KINDS.has(k)) ?? null,
  };
}

/** Finds the cards of a map document that do not fit their schema (stored by an older version, or damaged). */
export function findUnreadableCards(doc: Y.Doc): UnreadableCard[] {
  const found: UnreadableCard[] = [];
  for (const id of mapRoots(doc).cards.keys()) {
    const card = checkCard(doc, id);
    if (card) found.push(card);
  }
  return found;
}

/**
 * Keeps the list of unreadable cards up to date: the whole map is checked once, `delayMs` after the call (opening a
 * map does not wait for it), then only the cards a change touched — typing in one card re-checks that card, not the
 * 2,000 others. `onChange` gets the list after the first check and whenever it changed. Returns the function that stops watching.
 */
export function watchUnreadableCards(
  doc: Y.Doc,
  onChange: (cards: UnreadableCard[]) => void,
  delayMs: number,
): () => void {
  const root = mapRoots(doc).cards;
  let found: Map<string, UnreadableCard> | undefined;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!found) {
      found = new Map(findUnreadableCards(doc).map((c) => [c.id, c]));
      pending.clear();
    } else {
      let changed = false;
      for (const id of pending) {
        const card = checkCard(doc, id);
        changed ||= card !== null || found.has(id);
        if (card) found.set(id, card);
        else found.delete(id);
      }
      pending.clear();
      // A burst of good edits (the usual case) leaves the list as it was: no re-render.
      if (!changed) return;
    }
    onChange([...found.values()]);
  };
  const onCards = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) {
      if (event.target === root) for (const key of event.changes.keys.keys()) pending.add(key);
      else if (typeof event.path[0] === "string") pending.add(event.path[0]);
    }
    // Before the first check everything is read anyway; after it, a burst of edits is checked once.
    if (found && timer === undefined) timer = setTimeout(flush, delayMs);
  };
  timer = setTimeout(flush, delayMs);
  root.observeDeep(onCards);
  return () => {
    clearTimeout(timer);
    root.unobserveDeep(onCards);
  };
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
