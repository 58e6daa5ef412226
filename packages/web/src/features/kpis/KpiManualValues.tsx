import type { Kpi, KpiValue } from "@opencjm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { formatKpiValue } from "./formatKpiValue.js";
import { addKpiValue, deleteKpiValue } from "./kpiListApi.js";
import { KpiValueForm, today } from "./KpiValueForm.js";
import styles from "./KpiList.module.css";
import { refreshKpi } from "./useKpiOverview.js";

type Change =
  | { kind: "add"; date: string; value: number }
  | { kind: "edit"; old: KpiValue; date: string; value: number }
  | { kind: "delete"; old: KpiValue };

/**
 * The values of a KPI entered by hand, newest first, each with its day and number in the user's language; editors add
 * one (day and value), change one or delete one. A change is saved as the new value first and then the old one
 * removed, so a refused change leaves the old value as it was. The server's refusal is shown in words.
 */
export function KpiManualValues({
  workspaceId,
  kpi,
  values,
  canWrite,
}: {
  workspaceId: string;
  kpi: Kpi;
  values: readonly KpiValue[];
  canWrite: boolean;
}) {
  const i18n = useI18n();
  const { t, formatDate, formatNumber } = i18n;
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [addKey, setAddKey] = useState(0);
  const change = useMutation({
    mutationFn: async (c: Change) => {
      if (c.kind !== "delete") await addKpiValue(workspaceId, kpi.id, { date: c.date, value: c.value });
      if (c.kind !== "add") await deleteKpiValue(workspaceId, kpi.id, c.old.id);
    },
    onSuccess: (_, c) => {
      if (c.kind === "add") setAddKey((k) => k + 1);
      else setEditing(null);
    },
    onSettled: () => refreshKpi(client, workspaceId, kpi),
  });
  const error = change.error instanceof ApiRequestError ? change.error.message : change.error && String(change.error);
  const sorted = [...values].sort((a, b) => b.date.localeCompare(a.date));
  const day = (date: string) => formatDate(`${date}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" });
  const plain = (value: number) => formatNumber(value, { useGrouping: false, maximumFractionDigits: 20 });

  return (
    <section className={styles.values} data-testid="kpi-manual-values">
      <table className={styles.table}>
        <caption>{t("kpis.values.title", { name: kpi.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kpis.values.date")}</th>
            <th scope="col">{t("kpis.values.value")}</th>
            {canWrite && <th scope="col">{t("kpis.list.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={canWrite ? 3 : 2} className={styles.muted}>
                {t("kpis.values.empty")}
              </td>
            </tr>
          )}
          {sorted.map((v) =>
            editing === v.id ? (
              <tr key={v.id}>
                <td colSpan={3}>
                  <KpiValueForm
                    initial={{ date: v.date, value: plain(v.value) }}
                    submitLabel={t("kpis.values.save")}
                    pending={change.isPending}
                    onSubmit={(next) => change.mutate({ kind: "edit", old: v, ...next })}
                    onCancel={() => setEditing(null)}
                    testId="kpi-value-edit"
                  />
                </td>
              </tr>
            ) : (
              <tr key={v.id} data-testid="kpi-value-row">
                <th scope="row">{day(v.date)}</th>
                <td>
                  <bdi>{formatKpiValue(v.value, null, kpi.unit, i18n)}</bdi>
                </td>
                {canWrite && (
                  <td className={styles.rowActions}>
                    <Button
                      size="small"
                      variant="ghost"
                      aria-label={t("kpis.values.editOne", { date: day(v.date) })}
                      onClick={() => setEditing(v.id)}
                    >
                      {t("kpis.values.edit")}
                    </Button>
                    <Button
                      size="small"
                      variant="ghost"
                      disabled={change.isPending}
                      aria-label={t("kpis.values.deleteOne", { date: day(v.date) })}
                      onClick={() => change.mutate({ kind: "delete", old: v })}
                    >
                      {t("kpis.values.delete")}
                    </Button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {canWrite && (
        <KpiValueForm
          key={addKey}
          initial={{ date: today(), value: "" }}
          submitLabel={t("kpis.values.add")}
          pending={change.isPending}
          onSubmit={(next) => change.mutate({ kind: "add", ...next })}
          testId="kpi-value-add"
        />
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {t("kpis.values.failed", { message: error })}
        </p>
      )}
    </section>
  );
}
