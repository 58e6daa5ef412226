import type { Card } from "@opencjm/core";
import { useI18n, useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import { DraftInput } from "../../fields/DraftInput.js";
import { TextAdder } from "../../fields/TextAdder.js";
import { useCardNumber, useCardText } from "../../fields/useCardFields.js";
import styles from "./KpiCard.module.css";
import { KpiCardLinkButton, LinkedKpiCard } from "../../../kpis/KpiCardData.js";

type KpiCard = Extract<Card, { kind: "kpi" }>;

/**
 * On track when the actual value reaches the target. A KPI card has no direction of its own, so higher is taken as
 * better; linked KPIs (PRODUCT.md §4.7) will carry their direction.
 */
export function kpiTrack(card: KpiCard): "on" | "off" | null {
  if (card.actual === undefined || card.target === undefined) return null;
  return card.actual >= card.target ? "on" : "off";
}

function KpiDisplay({ card, context }: CardDisplayProps<KpiCard>) {
  const { t, formatNumber } = useI18n();
  const track = kpiTrack(card);
  const value = (n: number | undefined) => (n === undefined ? "—" : formatNumber(n));
  const typed = (
    <div className={styles.kpi}>
      <bdi className={styles.name}>{card.name}</bdi>
      <div className={styles.values}>
        <span className={styles.actual} title={t("cells.kpi.actual")}>
          <bdi>{value(card.actual)}</bdi>
          {card.unit && <bdi className={styles.unit}>{card.unit}</bdi>}
        </span>
        {card.target !== undefined && (
          <span className={styles.target}>{t("cells.kpi.targetIs", { target: formatNumber(card.target) })}</span>
        )}
        {track && (
          <span className={`${styles.track} ${styles[track]}`} data-track={track}>
            {t(track === "on" ? "cells.kpi.onTrack" : "cells.kpi.offTrack")}
          </span>
        )}
      </div>
    </div>
  );
  // A card linked to a defined KPI shows its live value and sparkline; where there is no live data, what was typed.
  if (!card.kpiId) return typed;
  return (
    <LinkedKpiCard
      kpiId={card.kpiId}
      workspaceId={context.workspaceId}
      fallback={typed}
      frame={(live) => (
        <div className={styles.kpi}>
          <bdi className={styles.name}>{card.name}</bdi>
          {live}
        </div>
      )}
    />
  );
}

function KpiEditor({ card, save, context }: CardEditorProps<KpiCard>) {
  const { t, locale } = useI18n();
  const name = useCardText(card, "name", save);
  const unit = useCardText(card, "unit", save);
  const target = useCardNumber(card, "target", save, locale);
  const actual = useCardNumber(card, "actual", save, locale);
  return (
    <div className={styles.fields}>
      <DraftInput draft={name} label={t("cells.kpi.name")} placeholder={t("cells.kpi.name")} />
      <div className={styles.row}>
        <DraftInput
          draft={actual}
          label={t("cells.kpi.actual")}
          placeholder={t("cells.kpi.actual")}
          inputMode="decimal"
        />
        <DraftInput
          draft={target}
          label={t("cells.kpi.target")}
          placeholder={t("cells.kpi.target")}
          inputMode="decimal"
        />
        <DraftInput
          draft={unit}
          label={t("cells.kpi.unit")}
          placeholder={t("cells.kpi.unit")}
          className={styles.unitField}
        />
      </div>
      <KpiCardLinkButton
        kpiId={card.kpiId}
        name={card.name}
        stepId={context.cellKey.slice(context.cellKey.indexOf(":") + 1)}
        workspaceId={context.workspaceId}
        onLinked={(kpi) => save({ kpiId: kpi.id, name: kpi.name })}
      />
    </div>
  );
}

function KpiAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <TextAdder
      add={add}
      cellKey={context.cellKey}
      label={t("cells.adder.kpi")}
      build={(name) => ({ kind: "kpi", name: name.trim() })}
    />
  );
}

/** KPIs at this step: name, unit, target and actual (in the user's number format), on or off track. */
export const kpiCardView: CardView<KpiCard> = {
  Display: KpiDisplay,
  Editor: KpiEditor,
  Adder: KpiAdder,
  plainText: (card) => card.name,
};
