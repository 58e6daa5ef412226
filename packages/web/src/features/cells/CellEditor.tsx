import { cardKindsForLane, type Card, type CardContentInput } from "@opencjm/core";
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import { startCardDrag } from "./cardDrag.js";
import { viewOf } from "./cardViews.js";
import type { CardContext, CardSave } from "./CardView.js";
import type { CellContentProps } from "./CellContentProps.js";
import { CELL_FIELD_ATTRIBUTE, CellEditingContext } from "./fields/CellEditingContext.js";
import { cardFieldProblem, newCardProblem, type FieldProblem } from "./fields/FieldProblem.js";
import { CardEditorShell, type CardMoves } from "./shell/CardEditorShell.js";
import { useCardDrop } from "./useCardDrop.js";
import styles from "./CellContent.module.css";

/** True when saving these fields would change the card. */
function changes(card: Card, fields: Record<string, unknown>): boolean {
  return Object.entries(fields).some(
    ([key, value]) => JSON.stringify((card as Record<string, unknown>)[key]) !== JSON.stringify(value),
  );
}

/**
 * A cell in edit mode: every card in its editor (Tab moves through fields, Enter saves and moves on, Alt+↑/↓ moves a
 * card, Escape leaves), then the control that adds a card. Every save is one `onEdit` batch, so one undo step.
 */
export function CellEditor({
  lane,
  step,
  cards,
  onEdit,
  onStopEditing,
  context,
  startAtCardId = null,
  onStarted,
}: CellContentProps & {
  context: CardContext;
  /** The card whose first field takes the cursor on entering edit mode (the one double-clicked); else the first. */
  startAtCardId?: string | null;
  /** Called once the cursor is placed, so a later Enter starts at the first card again. */
  onStarted?: () => void;
}) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState(false);
  const drop = useCardDrop({ lane, step, cards, enabled: true, onEdit });
  const editing = useMemo(() => ({ stopEditing: onStopEditing }), [onStopEditing]);
  const laneKind = cardKindsForLane(lane.type)[0];
  const Adder = laneKind ? viewOf(laneKind).Adder : undefined;

  // Entering edit mode puts the cursor in the first field: of the double-clicked card, else of the first card, or the
  // new-card field of an empty cell.
  useEffect(() => {
    const field = `[${CELL_FIELD_ATTRIBUTE}]`;
    const clicked = startAtCardId
      ? root.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(startAtCardId)}"] ${field}`)
      : null;
    (clicked ?? root.current?.querySelector<HTMLElement>(field) ?? root.current)?.focus();
    onStarted?.();
    // Only on entering edit mode: later changes of the start card must not move the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Escape must leave edit mode even when the focused control went away (a closed form) and focus fell to the page.
  useEffect(() => {
    const onDocumentKey = (event: globalThis.KeyboardEvent) => {
      if (
        event.key === "Escape" &&
        !event.defaultPrevented &&
        (document.activeElement === document.body || document.activeElement === null)
      )
        onStopEditing();
    };
    document.addEventListener("keydown", onDocumentKey);
    return () => document.removeEventListener("keydown", onDocumentKey);
  }, [onStopEditing]);

  const edit = (ops: Parameters<typeof onEdit>[0]) => {
    const ok = onEdit(ops);
    setRefused(!ok);
    return ok;
  };

  const saveFor =
    (card: Card): CardSave =>
    (fields) => {
      if (!changes(card, fields)) return null;
      const problem = cardFieldProblem(card, fields);
      if (problem) return problem;
      return edit([{ op: "updateCard", cardId: card.id, fields }])
        ? null
        : { field: Object.keys(fields)[0] ?? "", code: "refused" };
    };

  const add = (content: CardContentInput): FieldProblem | null => {
    const problem = newCardProblem(content as Record<string, unknown>);
    if (problem) return problem;
    return edit([{ op: "addCard", laneId: lane.id, stepId: step.id, card: content as { kind: Card["kind"] } }])
      ? null
      : { field: "", code: "refused" };
  };

  const movesFor = (index: number): CardMoves => {
    const card = cards[index]!;
    const before = cards[index - 1];
    const after = cards[index + 1];
    return {
      moveUp: before && (() => edit([{ op: "moveCard", cardId: card.id, position: { before: before.id } }])),
      moveDown: after && (() => edit([{ op: "moveCard", cardId: card.id, position: { after: after.id } }])),
      remove: () => {
        if (!edit([{ op: "removeCard", cardId: card.id }])) return;
        // Keep the cursor in the cell: on the next card's first field, or the new-card field.
        requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`[${CELL_FIELD_ATTRIBUTE}]`)?.focus());
      },
    };
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    // Blur first so the focused field saves its draft before the editors go away.
    if (document.activeElement instanceof HTMLElement && root.current?.contains(document.activeElement))
      document.activeElement.blur();
    onStopEditing();
  };

  return (
    <CellEditingContext.Provider value={editing}>
      <div
        ref={root}
        className={styles.editor}
        data-cell-editor=""
        tabIndex={-1}
        role="group"
        aria-label={t("cells.editing", { lane: lane.name || t(`vocabulary.laneType.${lane.type}`), step: step.name })}
        onKeyDown={onKeyDown}
      >
        {cards.length > 0 && (
          <ul className={styles.cards} {...drop.handlers}>
            {cards.map((card, index) => {
              const view = viewOf(card.kind);
              const save = saveFor(card);
              const onDragStart = (event: DragEvent<HTMLElement>) => {
                event.stopPropagation();
                startCardDrag(
                  event.dataTransfer,
                  { cardId: card.id, kind: card.kind, laneId: lane.id, stepId: step.id },
                  view.plainText(card, context),
                );
              };
              return (
                <CardEditorShell
                  key={card.id}
                  card={card}
                  label={t("cells.card.label", { n: index + 1, count: cards.length })}
                  save={save}
                  moves={movesFor(index)}
                  onDragStart={onDragStart}
                  dropSide={drop.target?.cardId === card.id ? drop.target.side : null}
                >
                  {view.Editor ? (
                    <view.Editor card={card} save={save} context={context} />
                  ) : (
                    <view.Display card={card} context={context} />
                  )}
                </CardEditorShell>
              );
            })}
          </ul>
        )}
        {Adder && <Adder add={add} context={context} />}
        {refused && (
          <p role="alert" className={styles.refused}>
            {t("cells.problem.refused")}
          </p>
        )}
      </div>
    </CellEditingContext.Provider>
  );
}
