import type { Card } from "@opencjm/core";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftTextArea } from "../../fields/DraftTextArea.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./RiskCard.module.css";

type RiskCard = Extract<Card, { kind: "risk" }>;
type Level = RiskCard["likelihood"];

const LEVELS: readonly Level[] = ["low", "medium", "high"];
const WEIGHT: Record<Level, number> = { low: 1, medium: 2, high: 3 };
const EXPOSURE_COLORS: Record<Level, string> = { low: "#2f855a", medium: "#b7791f", high: "#c0392b" };

/** Exposure from likelihood × impact, in the three bands a risk matrix colours. */
function exposure(card: RiskCard): Level {
  const score = WEIGHT[card.likelihood] * WEIGHT[card.impact];
  return score >= 6 ? "high" : score >= 3 ? "medium" : "low";
}

function RiskDisplay({ card }: CardDisplayProps<RiskCard>) {
  const t = useT();
  return (
    <div className={`${styles.risk} ${styles[exposure(card)]}`} data-exposure={exposure(card)}>
      <span dir="auto" className={styles.text}>
        {card.text}
      </span>
      <span className={styles.levels}>
        <span className={styles.level}>
          {t("cells.risk.likelihoodIs", { level: t(`common.level.${card.likelihood}`) })}
        </span>
        <span className={styles.level}>{t("cells.risk.impactIs", { level: t(`common.level.${card.impact}`) })}</span>
      </span>
    </div>
  );
}

function LevelSelect({ label, value, onChange }: { label: string; value: Level; onChange: (level: Level) => void }) {
  const t = useT();
  return (
    <label className={styles.select}>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as Level)}>
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`common.level.${level}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function RiskEditor({ card, save }: CardEditorProps<RiskCard>) {
  const t = useT();
  const text = useCardText(card, "text", save);
  return (
    <>
      <DraftTextArea draft={text} label={t("cells.risk.text")} />
      <div className={styles.selects}>
        <LevelSelect
          label={t("cells.risk.likelihood")}
          value={card.likelihood}
          onChange={(likelihood) => save({ likelihood })}
        />
        <LevelSelect label={t("cells.risk.impact")} value={card.impact} onChange={(impact) => save({ impact })} />
      </div>
    </>
  );
}

function RiskAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.risk")}
      build={(text) => ({ kind: "risk", text })}
    />
  );
}

/** Risks: what could go wrong, with likelihood and impact (low, medium, high) and the exposure they give. */
export const riskCardView: CardView<RiskCard> = {
  Display: RiskDisplay,
  Editor: RiskEditor,
  Adder: RiskAdder,
  accent: (card) => EXPOSURE_COLORS[exposure(card)],
  plainText: (card) => card.text,
};
