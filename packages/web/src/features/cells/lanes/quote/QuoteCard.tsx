import type { Card } from "@opencjm/core";
import { Fragment } from "react";
import { useI18n, useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./QuoteCard.module.css";

type QuoteCard = Extract<Card, { kind: "quote" }>;

/** The separator the language puts between list items ("P7, Interview", "P7، مصاحبه", "P7、訪談"). */
function listSeparator(locale: string): string {
  return (
    new Intl.ListFormat(locale, { type: "unit", style: "short" })
      .formatToParts(["a", "b"])
      .find((p) => p.type === "literal")?.value ?? ", "
  );
}

function QuoteDisplay({ card }: CardDisplayProps<QuoteCard>) {
  const { locale } = useI18n();
  const attribution = [card.participant, card.source].filter((s) => s.trim() !== "");
  return (
    <figure className={styles.quote}>
      <blockquote className={styles.text} dir="auto">
        {card.text}
      </blockquote>
      {attribution.length > 0 && (
        <figcaption className={styles.by}>
          {"— "}
          {attribution.map((part, i) => (
            <Fragment key={i}>
              {i > 0 && listSeparator(locale)}
              <bdi>{part}</bdi>
            </Fragment>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

function QuoteEditor({ card, save }: CardEditorProps<QuoteCard>) {
  const t = useT();
  const text = useCardText(card, "text", save);
  const participant = useCardText(card, "participant", save);
  const source = useCardText(card, "source", save);
  return (
    <>
      <DraftTextArea draft={text} label={t("cells.quote.text")} />
      <div className={styles.fields}>
        <DraftInput
          draft={participant}
          label={t("cells.quote.participant")}
          placeholder={t("cells.quote.participant")}
        />
        <DraftInput draft={source} label={t("cells.quote.source")} placeholder={t("cells.quote.source")} />
      </div>
    </>
  );
}

function QuoteAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.quote")}
      build={(text) => ({ kind: "quote", text })}
    />
  );
}

/** Quotes and testimonials: the words, who said them and where. */
export const quoteCardView: CardView<QuoteCard> = {
  Display: QuoteDisplay,
  Editor: QuoteEditor,
  Adder: QuoteAdder,
  plainText: (card) => [card.text, card.participant, card.source].filter(Boolean).join(" — "),
};
