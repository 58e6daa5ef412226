import type { Card } from "@opencjm/core";
import { ImageOff } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { FieldMessage } from "../../fields/FieldMessage.js";
import type { FieldProblem } from "../../fields/FieldProblem.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import { safeHref } from "../link/safeHref.js";
import { ImageUploadButton } from "./ImageUploadButton.js";
import { safeImageSrc } from "./safeImageSrc.js";
import styles from "./ImageCard.module.css";

type ImageCard = Extract<Card, { kind: "image" }>;

function ImageDisplay({ card }: CardDisplayProps<ImageCard>) {
  const t = useT();
  const src = safeImageSrc(card.url);
  // A picture that does not load (gone, refused by the browser or the export's request filter) shows the placeholder.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (!src || failedSrc === src) {
    // Say what is missing: a picture on another site (the exports never fetch one) is named by its site, and its
    // caption still reads below.
    const host = src?.startsWith("http") ? new URL(src).hostname : null;
    return (
      <span className={styles.missing} data-testid="image-placeholder">
        <span className={styles.missingLine}>
          <ImageOff size={14} aria-hidden="true" />
          {host ? t("cells.image.notShownFrom", { host }) : t("cells.image.cannotShow")}
        </span>
        {card.alt.trim() !== "" && (
          <bdi dir="auto" className={styles.caption}>
            {card.alt}
          </bdi>
        )}
      </span>
    );
  }
  return (
    <figure className={styles.figure}>
      <img
        className={styles.image}
        src={src}
        alt={card.alt}
        title={card.alt || undefined}
        loading="lazy"
        referrerPolicy="no-referrer"
        draggable={false}
        onError={() => setFailedSrc(src)}
      />
      {card.alt.trim() !== "" && (
        <figcaption dir="auto" className={styles.caption}>
          {card.alt}
        </figcaption>
      )}
    </figure>
  );
}

function ImageEditor({ card, save, context }: CardEditorProps<ImageCard>) {
  const t = useT();
  const messageId = useId();
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const alt = useCardText(card, "alt", save);
  return (
    <>
      <ImageDisplay card={{ ...card, alt: "" }} context={context} />
      <DraftInput draft={alt} label={t("cells.image.alt")} placeholder={t("cells.image.alt")} />
      <ImageUploadButton
        label={t("cells.image.replace")}
        onImage={(url) => setProblem(save({ url }))}
        onProblem={setProblem}
      />
      <FieldMessage id={messageId} problem={problem} />
    </>
  );
}

function ImageAdder({ add, context }: CardAdderProps) {
  const t = useT();
  const messageId = useId();
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  // A typed address is only used when it is http(s) elsewhere: the user asked for that picture, so it may be loaded from
  // there; an address on this app itself is refused as it would be refused on display.
  const addUrl: CardAdderProps["add"] = (content) =>
    content.kind === "image" && (!safeHref(content.url) || !safeImageSrc(content.url))
      ? { field: "url", code: "invalidUrl" }
      : add(content);
  return (
    <div className={styles.adder}>
      <ImageUploadButton
        label={t("cells.image.upload")}
        onImage={(url) => setProblem(add({ kind: "image", url }))}
        onProblem={setProblem}
      />
      <FieldMessage id={messageId} problem={problem} />
      <TextAdder
        add={addUrl}
        cellKey={context.cellKey}
        label={t("cells.adder.image")}
        build={(text) => ({ kind: "image", url: text.trim() })}
      />
    </div>
  );
}

/**
 * Images: an uploaded picture shrunk to a thumbnail stored in the card (it must fit the card's 2048-character URL),
 * or an https address the user gives; with alt text.
 */
export const imageCardView: CardView<ImageCard> = {
  Display: ImageDisplay,
  Editor: ImageEditor,
  Adder: ImageAdder,
  plainText: (card) => card.alt,
};
