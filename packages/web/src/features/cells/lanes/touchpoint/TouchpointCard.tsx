import type { Card } from "@opencjm/core";
import { useState } from "react";
import { useT } from "../../../../i18n/I18nProvider.js";
import { TouchpointEvidence } from "../../../evidence/map/TouchpointEvidence.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { useCardText } from "../../fields/useCardFields.js";
import { findTouchpoint } from "./touchpointApi.js";
import { TouchpointLabel } from "./TouchpointLabel.js";
import { TouchpointPicker } from "./TouchpointPicker.js";
import styles from "./TouchpointCard.module.css";

type TouchpointCard = Extract<Card, { kind: "touchpoint" }>;

function TouchpointDisplay({ card, context }: CardDisplayProps<TouchpointCard>) {
  const t = useT();
  const touchpoint = findTouchpoint(context.catalogue, card.touchpointId);
  return (
    <div className={styles.card}>
      {touchpoint ? (
        <TouchpointLabel touchpoint={touchpoint} channel={context.catalogue.channels.get(touchpoint.channelId)} />
      ) : (
        <span className={styles.unknown}>{t("cells.touchpoint.unknown")}</span>
      )}
      {card.note.trim() !== "" && (
        <span dir="auto" className={styles.note}>
          {card.note}
        </span>
      )}
      <TouchpointEvidence touchpointId={card.touchpointId} />
    </div>
  );
}

function TouchpointEditor({ card, save, context }: CardEditorProps<TouchpointCard>) {
  const t = useT();
  const note = useCardText(card, "note", save);
  const [changing, setChanging] = useState(false);
  return (
    <>
      <div className={styles.current}>
        <TouchpointDisplay card={{ ...card, note: "" }} context={context} />
        <button type="button" className={styles.change} aria-expanded={changing} onClick={() => setChanging(!changing)}>
          {t("cells.touchpoint.change")}
        </button>
      </div>
      {changing && (
        <TouchpointPicker
          context={context}
          label={t("cells.touchpoint.search")}
          autoFocus
          onPick={(touchpoint) => {
            if (!save({ touchpointId: touchpoint.id })) setChanging(false);
          }}
        />
      )}
      <DraftInput draft={note} label={t("cells.touchpoint.note")} placeholder={t("cells.touchpoint.note")} />
    </>
  );
}

function TouchpointAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TouchpointPicker
      context={context}
      label={t("cells.adder.touchpoint")}
      onPick={(touchpoint) => add({ kind: "touchpoint", touchpointId: touchpoint.id })}
    />
  );
}

/** Touchpoints from the workspace catalogue, with channel icon, online/offline and digital/physical markers and a note. */
export const touchpointCardView: CardView<TouchpointCard> = {
  Display: TouchpointDisplay,
  Editor: TouchpointEditor,
  Adder: TouchpointAdder,
  plainText: (card, context) => findTouchpoint(context.catalogue, card.touchpointId)?.name ?? card.note,
};
