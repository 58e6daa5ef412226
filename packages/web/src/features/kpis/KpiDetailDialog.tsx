import type { KpiSeries, Kpi } from "@opencjm/core";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { KpiChart } from "./KpiChart.js";
import { KpiManualValues } from "./KpiManualValues.js";
import styles from "./KpiList.module.css";

/** One KPI opened from the list: its chart with the target line and, for a KPI entered by hand, its dated values. */
export function KpiDetailDialog({
  workspaceId,
  kpi,
  series,
  canWrite,
  format,
  onClose,
}: {
  workspaceId: string;
  kpi: Kpi;
  series: KpiSeries | undefined;
  canWrite: boolean;
  format: (value: number | null) => string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={kpi.name} onClose={onClose} testId="kpi-detail" closeLabel={t("kpis.chart.close")}>
      <div className={styles.detail}>
        {series?.problem ? (
          <p className={styles.error}>{t("kpis.card.problem", { message: series.problem.message })}</p>
        ) : series ? (
          <KpiChart name={kpi.name} points={series.points} target={kpi.target} bucket={series.bucket} format={format} />
        ) : (
          <p className={styles.muted}>{t("kpis.card.loading")}</p>
        )}
        {kpi.source.kind === "manual" && (
          <KpiManualValues
            workspaceId={workspaceId}
            kpi={kpi}
            values={series?.manualValues ?? []}
            canWrite={canWrite}
          />
        )}
      </div>
    </Dialog>
  );
}
