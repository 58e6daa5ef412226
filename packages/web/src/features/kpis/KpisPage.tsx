import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation, useSearch } from "wouter";
import { mapListQuery } from "../../api/workspaceQueries.js";
import { Button } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useSession } from "../../app/SessionProvider.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { memberListQuery } from "../members/membersQueries.js";
import { KpiEditorDialog } from "./KpiEditorDialog.js";
import styles from "./KpiList.module.css";
import { KpiRow } from "./KpiRow.js";
import { refreshKpi, useKpiOverview, type KpiListFilter } from "./useKpiOverview.js";

/** The list's filter from its address: `?mapId=<id>` for one map's KPIs, `?mapId=workspace` for the workspace's. */
function filterOf(search: string): KpiListFilter {
  const mapId = new URLSearchParams(search).get("mapId");
  return !mapId ? "all" : mapId === "workspace" ? "workspace" : { mapId };
}

const valueOf = (filter: KpiListFilter) => (typeof filter === "string" ? filter : filter.mapId);

/**
 * Every KPI of the workspace in one place (or one map's, or the workspace's own): what each sits on, its owner, its
 * latest value against its target and its trend; open one for its chart and its values entered by hand, define a new
 * one on the workspace or on a stage, step or touchpoint of any map, edit or delete one.
 */
export default function KpisPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const canWrite = ["owner", "editor"].includes(session?.workspaces.find((w) => w.id === workspaceId)?.role ?? "");
  const [, navigate] = useLocation();
  const filter = filterOf(useSearch());
  const [creating, setCreating] = useState(false);
  const client = useQueryClient();
  const { list, rows } = useKpiOverview(workspaceId, filter);
  const maps = useQuery(mapListQuery(workspaceId));
  const members = useQuery(memberListQuery(workspaceId));
  const setFilter = (value: string) => navigate(value === "all" ? "/kpis" : `/kpis?mapId=${encodeURIComponent(value)}`);

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1>{t("kpis.list.title")}</h1>
          <p className={styles.muted}>{t("kpis.list.lead")}</p>
        </div>
        {canWrite && (
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-kpi">
            {t("kpis.list.new")}
          </Button>
        )}
      </header>
      <QueryView queries={[list, maps, members]}>
        {(_, mapList, memberList) => (
          <>
            <label className={styles.filter}>
              {t("kpis.list.show")}
              <select value={valueOf(filter)} onChange={(e) => setFilter(e.target.value)} data-testid="kpi-filter">
                <option value="all">{t("kpis.list.all")}</option>
                <option value="workspace">{t("kpis.list.onWorkspace")}</option>
                {mapList.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            </label>
            {rows.length === 0 ? (
              <p className={styles.muted}>{t("kpis.list.empty")}</p>
            ) : (
              <table className={styles.table} data-testid="kpi-list">
                <thead>
                  <tr>
                    <th scope="col">{t("kpis.list.kpi")}</th>
                    <th scope="col">{t("kpis.anchor.label")}</th>
                    <th scope="col">{t("kpis.editor.owner")}</th>
                    <th scope="col">{t("kpis.list.latest")}</th>
                    <th scope="col">{t("kpis.editor.target")}</th>
                    <th scope="col">{t("kpis.list.trend")}</th>
                    {canWrite && <th scope="col">{t("kpis.list.actions")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <KpiRow
                      key={row.kpi.id}
                      workspaceId={workspaceId}
                      row={row}
                      ownerName={memberList.find((m) => m.userId === row.kpi.ownerId)?.name}
                      canWrite={canWrite}
                    />
                  ))}
                </tbody>
              </table>
            )}
            {creating && (
              <KpiEditorDialog
                workspaceId={workspaceId}
                maps={mapList}
                initialAnchor={
                  typeof filter === "object"
                    ? { kind: "stage", mapId: filter.mapId, stageId: "" }
                    : { kind: "workspace" }
                }
                onClose={() => setCreating(false)}
                onSaved={(kpi) => {
                  setCreating(false);
                  void refreshKpi(client, workspaceId, kpi);
                }}
              />
            )}
          </>
        )}
      </QueryView>
    </main>
  );
}
