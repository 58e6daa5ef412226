import type { Kpi, KpiSeries } from "@opencjm/core";
import { useState } from "react";
import { Dialog } from "../../app/Dialog.js";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { formatKpiValue, kpiTrack } from "./formatKpiValue.js";
import { KpiBucketChoice } from "./KpiBucketChoice.js";
import { KpiChart } from "./KpiChart.js";
import { KpiSparkline } from "./KpiSparkline.js";
import styles from "./Kpis.module.css";

/**
 * A defined KPI as its card shows it on the map's KPI lane: the latest measured value in the measure's unit, the
 * target and whether it is met (in the KPI's own direction), a sparkline over the map's periods, and its chart on
 * demand, where the periods (days, weeks, months) are chosen for the whole map.
 */
export function LinkedKpi({ kpi, series }: { kpi: Kpi; series: KpiSeries }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [chart, setChart] = useState(false);
  const measure = kpi.source.kind === "data" ? kpi.source.measure : null;
  const format = (value: number | null) => formatKpiValue(value, measure, kpi.unit, i18n);
  if (series.problem)
    return <p className={styles.error}>{t("kpis.card.problem", { message: series.problem.message })}</p>;
  const latest = series.points.findLast((p) => p.value !== null)?.value ?? null;
  const track = kpiTrack(latest, kpi.target, kpi.direction);
  return (
    <div className={styles.linked} data-testid="linked-kpi">
      <div className={styles.live}>
        <bdi className={styles.value} data-testid="kpi-value">
          {latest === null ? t("kpis.card.noData") : format(latest)}
        </bdi>
        {kpi.target !== null && (
          <span className={styles.muted}>{t("kpis.chart.target", { value: format(kpi.target) })}</span>
        )}
        {track && (
          <span className={styles[track]} data-track={track}>
            {t(track === "on" ? "cells.kpi.onTrack" : "cells.kpi.offTrack")}
          </span>
        )}
      </div>
      <KpiSparkline name={kpi.name} points={series.points} target={kpi.target} format={format} />
      <span className={styles.muted} data-testid="kpi-bucket-shown">
        {t(`kpis.bucket.${series.bucket}`)}
      </span>
      <button type="button" className={styles.linkButton} onClick={() => setChart(true)}>
        {t("kpis.card.chart")}
      </button>
      {chart && (
        <Dialog title={kpi.name} onClose={() => setChart(false)}>
          <KpiBucketChoice />
          <KpiChart name={kpi.name} points={series.points} target={kpi.target} bucket={series.bucket} format={format} />
          <Button onClick={() => setChart(false)}>{t("kpis.chart.close")}</Button>
        </Dialog>
      )}
    </div>
  );
}
