import type { Card } from "@opencjm/core";
import { UserRound } from "lucide-react";
import { useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardText } from "../../fields/useCardFields.js";
import styles from "./StakeholderCard.module.css";

type StakeholderCard = Extract<Card, { kind: "stakeholder" }>;

function StakeholderDisplay({ card }: CardDisplayProps<StakeholderCard>) {
  return (
    <span className={styles.person}>
      <UserRound size={14} aria-hidden="true" className={styles.icon} />
      <span className={styles.who}>
        <bdi className={styles.name}>{card.name}</bdi>
        {card.role.trim() !== "" && <bdi className={styles.role}>{card.role}</bdi>}
      </span>
    </span>
  );
}

function StakeholderEditor({ card, save }: CardEditorProps<StakeholderCard>) {
  const t = useT();
  const name = useCardText(card, "name", save);
  const role = useCardText(card, "role", save);
  return (
    <div className={styles.fields}>
      <DraftInput draft={name} label={t("cells.stakeholder.name")} placeholder={t("cells.stakeholder.name")} />
      <DraftInput draft={role} label={t("cells.stakeholder.role")} placeholder={t("cells.stakeholder.role")} />
    </div>
  );
}

function StakeholderAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.stakeholder")}
      build={(name) => ({ kind: "stakeholder", name: name.trim() })}
    />
  );
}

/** People involved at this step: a name and a role. */
export const stakeholderCardView: CardView<StakeholderCard> = {
  Display: StakeholderDisplay,
  Editor: StakeholderEditor,
  Adder: StakeholderAdder,
  plainText: (card) => (card.role ? `${card.name} (${card.role})` : card.name),
};
