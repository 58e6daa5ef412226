import type { Card } from "@opencjm/core";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import { SeverityBars } from "./SeverityBars.js";
import { SeverityPicker } from "./SeverityPicker.js";
import { severityColor } from "./severityColor.js";
import { WhysEditor } from "./WhysEditor.js";
import styles from "./PainPointCard.module.css";

type PainPointCard = Extract<Card, { kind: "painPoint" }>;

/** New pain points start in the middle of the scale until someone judges them. */
const DEFAULT_SEVERITY = 3;

function PainPointDisplay({ card }: CardDisplayProps<PainPointCard>) {
  const t = useT();
  const whys = card.whys.filter((w) => w.trim() !== "").length;
  return (
    <div className={styles.pain}>
      <div className={styles.head}>
        <SeverityBars severity={card.severity} />
        <span dir="auto" className={styles.text}>
          {card.text}
        </span>
      </div>
      {card.rootCause.trim() !== "" && (
        <div className={styles.root}>
          <span className={styles.rootLabel}>{t("cells.painPoint.rootCause")}</span> <bdi>{card.rootCause}</bdi>
        </div>
      )}
      {whys > 0 && <span className={styles.whys}>{t("cells.painPoint.whyCount", { count: whys })}</span>}
    </div>
  );
}

function PainPointEditor({ card, save }: CardEditorProps<PainPointCard>) {
  const t = useT();
  const text = useCardText(card, "text", save);
  const rootCause = useCardText(card, "rootCause", save);
  return (
    <>
      <DraftTextArea draft={text} label={t("cells.painPoint.text")} />
      <SeverityPicker value={card.severity} onChange={(severity) => save({ severity })} />
      <DraftTextArea
        draft={rootCause}
        label={t("cells.painPoint.rootCause")}
        placeholder={t("cells.painPoint.rootCause")}
      />
      <WhysEditor card={card} save={save} />
    </>
  );
}

function PainPointAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.painPoint")}
      build={(text) => ({ kind: "painPoint", text, severity: DEFAULT_SEVERITY })}
    />
  );
}

/** Pain points: the problem, its severity (bars coloured green to red), its root cause and 5-whys chain. */
export const painPointCardView: CardView<PainPointCard> = {
  Display: PainPointDisplay,
  Editor: PainPointEditor,
  Adder: PainPointAdder,
  accent: (card) => severityColor(card.severity),
  plainText: (card) => card.text,
};
