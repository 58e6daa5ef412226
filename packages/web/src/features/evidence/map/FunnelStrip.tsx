import type { MapMetrics } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./Evidence.module.css";

/**
 * The funnel across the map's stages: customers reaching each stage as a bar on one shared scale, with the share of
 * the first stage and the drop between neighbours; stages run in reading order (right to left in Persian).
 */
export function FunnelStrip({ metrics }: { metrics: MapMetrics }) {
  const { t, formatNumber } = useI18n();
  const names = new Map(metrics.stages.map((s) => [s.stageId, s.name]));
  const stages = metrics.funnel.stages;
  const top = Math.max(1, ...stages.map((s) => s.customers));
  return (
    <ol className={styles.funnel} aria-label={t("evidence.funnel.label")} data-testid="funnel-strip">
      {stages.map((s, i) => {
        const previous = stages[i - 1];
        const drop = previous && previous.customers > 0 ? 1 - s.customers / previous.customers : null;
        return (
          <li
            key={s.stageId}
            className={styles.funnelStage}
            data-testid="funnel-stage"
            data-stage-id={s.stageId}
            data-customers={s.customers}
          >
            <span className={styles.funnelName} dir="auto">
              {names.get(s.stageId) ?? ""}
            </span>
            <span className={styles.funnelTrack} aria-hidden="true">
              <span className={styles.funnelBar} style={{ inlineSize: `${(s.customers / top) * 100}%` }} />
            </span>
            <span className={styles.funnelValue}>
              {t("evidence.funnel.customers", { count: s.customers })}
              {s.rate !== null && i > 0 && (
                <span className={styles.muted}>
                  {" "}
                  · {formatNumber(s.rate, { style: "percent", maximumFractionDigits: 1 })}
                </span>
              )}
            </span>
            {drop !== null && drop > 0 && (
              <span className={styles.funnelDrop}>
                {t("evidence.funnel.drop", {
                  percent: formatNumber(drop, { style: "percent", maximumFractionDigits: 1 }),
                })}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
