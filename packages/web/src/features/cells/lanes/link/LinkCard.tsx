import type { Card } from "@opencjm/core";
import { ExternalLink } from "lucide-react";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import { useDraftField } from "../../fields/useDraftField.js";
import { hostOf, safeHref } from "./safeHref.js";
import styles from "./LinkCard.module.css";

type LinkCard = Extract<Card, { kind: "link" }>;

function LinkDisplay({ card }: CardDisplayProps<LinkCard>) {
  const href = safeHref(card.url);
  const text = card.title.trim() || hostOf(card.url);
  if (!href) return <bdi className={styles.plain}>{text}</bdi>;
  return (
    <a className={styles.link} href={href} target="_blank" rel="noopener noreferrer" title={href} draggable={false}>
      <ExternalLink size={12} aria-hidden="true" className={styles.icon} />
      <bdi>{text}</bdi>
    </a>
  );
}

function LinkEditor({ card, save }: CardEditorProps<LinkCard>) {
  const t = useT();
  const url = useDraftField(`${card.id}:url`, card.url, (text) =>
    safeHref(text) ? save({ url: text.trim() }) : { field: "url", code: "invalidUrl" },
  );
  const title = useCardText(card, "title", save);
  return (
    <>
      <DraftInput draft={title} label={t("cells.link.title")} placeholder={t("cells.link.title")} />
      <DraftInput draft={url} label={t("cells.link.url")} placeholder="https://" inputMode="url" />
    </>
  );
}

function LinkAdder({ add, context }: CardAdderProps) {
  const t = useT();
  // An address that is not http(s) is refused here with a message, before it could reach the map.
  const addLink: CardAdderProps["add"] = (content) =>
    content.kind === "link" && !safeHref(content.url) ? { field: "url", code: "invalidUrl" } : add(content);
  return (
    <TextAdder
      add={addLink}
      cellKey={context.cellKey}
      label={t("cells.adder.link")}
      build={(text) => ({ kind: "link", url: text.trim() })}
    />
  );
}

/** Links and attachments: an http(s) address with a title, opened in a new tab without handing over this page. */
export const linkCardView: CardView<LinkCard> = {
  Display: LinkDisplay,
  Editor: LinkEditor,
  Adder: LinkAdder,
  plainText: (card) => card.url,
};
