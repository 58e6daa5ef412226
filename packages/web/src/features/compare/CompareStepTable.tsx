import type { EmotionDelta, MapComparison, StepDiff } from "@opencjm/core";
import { Fragment } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./CompareMapsPage.module.css";

const ROW_CLASS: Record<StepDiff["status"], string | undefined> = {
  added: styles.rowAdded,
  removed: styles.rowRemoved,
  changed: styles.rowChanged,
  unchanged: undefined,
};

/** The steps of both maps in one table, one row per step pair, grouped under the stage they belong to. */
export function CompareStepTable({
  comparison,
  personaNames,
  leftTitle,
  rightTitle,
}: {
  comparison: MapComparison;
  personaNames: ReadonlyMap<string, string>;
  leftTitle: string;
  rightTitle: string;
}) {
  const { t, formatNumber } = useI18n();
  const deltas = new Map<string, EmotionDelta[]>();
  for (const d of comparison.emotionDeltas) deltas.set(d.rightStepId, [...(deltas.get(d.rightStepId) ?? []), d]);
  const signed = (n: number) =>
    (n > 0 ? "+" : n < 0 ? "−" : "±") + formatNumber(Math.abs(n), { maximumFractionDigits: 2 });
  let lastStage = "";
  return (
    <table className={styles.table} data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col">
            <bdi>{leftTitle}</bdi>
          </th>
          <th scope="col">
            <bdi>{rightTitle}</bdi>
          </th>
          <th scope="col">{t("compare.colChanges")}</th>
          <th scope="col">{t("compare.colEmotion")}</th>
        </tr>
      </thead>
      <tbody>
        {comparison.steps.map((row, i) => {
          const stageName = row.rightStage?.name ?? row.leftStage?.name ?? "";
          const header = stageName !== lastStage;
          lastStage = stageName;
          const rowDeltas = row.right ? (deltas.get(row.right.id) ?? []) : [];
          return (
            <Fragment key={`${row.left?.id ?? ""}:${row.right?.id ?? ""}:${i}`}>
              {header && (
                <tr className={styles.stageRow}>
                  <th colSpan={4} scope="colgroup">
                    <bdi>{stageName}</bdi>
                  </th>
                </tr>
              )}
              <tr className={ROW_CLASS[row.status]} data-testid="compare-row" data-status={row.status}>
                <td>{row.left ? <bdi>{row.left.name}</bdi> : <span className="hint">—</span>}</td>
                <td>{row.right ? <bdi>{row.right.name}</bdi> : <span className="hint">—</span>}</td>
                <td>
                  <span className={`${styles.statusLabel} ${row.status === "unchanged" ? styles.quiet : ""}`}>
                    {t(`compare.status.${row.status}`)}
                  </span>
                  {row.changes
                    .filter((c) => c !== "cards")
                    .map((c) => (
                      <span key={c} className="badge">
                        {t(`compare.change.${c}`)}
                      </span>
                    ))}
                  {row.cardChanges.map((lane) => (
                    <div key={lane.laneName} className={styles.cardChange}>
                      <span className="hint">
                        <bdi>{lane.laneName}</bdi>:
                      </span>
                      {lane.added.map((text, j) => (
                        <span key={`a${j}`} className={styles.cardAdded} dir="auto">
                          + {text}
                        </span>
                      ))}
                      {lane.removed.map((text, j) => (
                        <span key={`r${j}`} className={styles.cardRemoved} dir="auto">
                          − {text}
                        </span>
                      ))}
                    </div>
                  ))}
                </td>
                <td>
                  {rowDeltas.map((d) => (
                    <span
                      key={d.personaId}
                      className={`${styles.delta} ${d.delta > 0 ? styles.better : d.delta < 0 ? styles.worse : styles.quiet}`}
                      data-testid="emotion-delta"
                      title={t("compare.deltaTitle", { from: formatNumber(d.left), to: formatNumber(d.right) })}
                    >
                      <bdi>{personaNames.get(d.personaId) ?? t("compare.unknownPersona")}</bdi>{" "}
                      {d.delta > 0 ? "▲" : d.delta < 0 ? "▼" : "＝"} <bdi dir="ltr">{signed(d.delta)}</bdi>
                    </span>
                  ))}
                </td>
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
