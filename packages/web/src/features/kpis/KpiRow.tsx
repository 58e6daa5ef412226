import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { formatKpiValue, kpiTrack } from "./formatKpiValue.js";
import { anchorText } from "./KpiAnchorField.js";
import { KpiDetailDialog } from "./KpiDetailDialog.js";
import { KpiEditorDialog } from "./KpiEditorDialog.js";
import { deleteKpi } from "./kpiListApi.js";
import styles from "./KpiList.module.css";
import { KpiSparkline } from "./KpiSparkline.js";
import { refreshKpi, type KpiOverviewRow } from "./useKpiOverview.js";

/**
 * A KPI in the list: its name (opens its chart and, entered by hand, its values), what it sits on, its owner, the
 * latest value against the target (met or not in its direction), its sparkline; editors edit or delete it.
 */
export function KpiRow({
  workspaceId,
  row,
  ownerName,
  canWrite,
}: {
  workspaceId: string;
  row: KpiOverviewRow;
  ownerName: string | undefined;
  canWrite: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useQueryClient();
  const { kpi, series, places } = row;
  const [open, setOpen] = useState<"detail" | "edit" | "delete" | null>(null);
  const remove = useMutation({
    mutationFn: () => deleteKpi(workspaceId, kpi.id),
    onSuccess: () => setOpen(null),
    onSettled: () => refreshKpi(client, workspaceId, kpi),
  });
  const measure = kpi.source.kind === "data" ? kpi.source.measure : null;
  const format = (value: number | null) => formatKpiValue(value, measure, kpi.unit, i18n);
  const latest = series?.points.findLast((p) => p.value !== null)?.value ?? null;
  const track = kpiTrack(latest, kpi.target, kpi.direction);
  const place = anchorText(kpi.anchor, places, t);
  const removeError =
    remove.error instanceof ApiRequestError ? remove.error.message : remove.error && String(remove.error);

  let value;
  if (row.failed) value = <span className={styles.error}>{t("kpis.card.failed")}</span>;
  else if (series?.problem)
    value = <span className={styles.error}>{t("kpis.card.problem", { message: series.problem.message })}</span>;
  else if (!series) value = <span className={styles.muted}>{t("kpis.card.loading")}</span>;
  else value = <bdi data-testid="kpi-latest">{latest === null ? t("kpis.card.noData") : format(latest)}</bdi>;

  return (
    <tr data-testid="kpi-row" data-kpi-id={kpi.id}>
      <th scope="row">
        <button type="button" className={styles.linkButton} onClick={() => setOpen("detail")}>
          <bdi>{kpi.name}</bdi>
        </button>
        <small className={styles.muted}>{t(`kpis.measure.${measure ?? "manual"}`)}</small>
      </th>
      <td data-testid="kpi-anchor-cell">
        <bdi>{place}</bdi>
        {places && (
          <small className={styles.muted}>
            <bdi>{places.title}</bdi>
          </small>
        )}
      </td>
      <td data-testid="kpi-owner-cell">
        {ownerName ? <bdi>{ownerName}</bdi> : <span className={styles.muted}>—</span>}
      </td>
      <td>{value}</td>
      <td>
        {kpi.target === null ? "—" : <bdi>{format(kpi.target)}</bdi>}
        {track && (
          <small className={styles[track]} data-track={track}>
            {t(track === "on" ? "cells.kpi.onTrack" : "cells.kpi.offTrack")}
          </small>
        )}
      </td>
      <td>
        {series && !series.problem && (
          <KpiSparkline name={kpi.name} points={series.points} target={kpi.target} format={format} />
        )}
      </td>
      {canWrite && (
        <td className={styles.rowActions}>
          <Button size="small" variant="ghost" onClick={() => setOpen("edit")}>
            {t("kpis.list.edit")}
          </Button>
          <Button size="small" variant="ghost" onClick={() => setOpen("delete")}>
            {t("kpis.list.delete")}
          </Button>
        </td>
      )}
      {open === "detail" && (
        <KpiDetailDialog
          workspaceId={workspaceId}
          kpi={kpi}
          series={series}
          canWrite={canWrite}
          format={format}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "edit" && (
        <KpiEditorDialog
          workspaceId={workspaceId}
          kpi={kpi}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            void refreshKpi(client, workspaceId, kpi);
          }}
        />
      )}
      {open === "delete" && (
        <Dialog title={t("kpis.list.deleteQuestion", { name: kpi.name })} onClose={() => setOpen(null)} alert>
          <p>{t("kpis.list.deleteHint")}</p>
          {removeError && (
            <p role="alert" className={styles.error}>
              {t("kpis.list.deleteFailed", { message: removeError })}
            </p>
          )}
          <div className={styles.dialogActions}>
            <Button data-autofocus onClick={() => setOpen(null)}>
              {t("kpis.editor.cancel")}
            </Button>
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {t("kpis.list.delete")}
            </Button>
          </div>
        </Dialog>
      )}
    </tr>
  );
}
