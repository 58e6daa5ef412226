import type { Kpi } from "@opencjm/core";
import { useQueryClient } from "@tanstack/react-query";
import { useContext, useState, type ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { useEvidence } from "../evidence/map/EvidenceContext.js";
import { MapViewContext } from "../mapEditor/store/useMapView.js";
import { KpiEditorDialog } from "./KpiEditorDialog.js";
import { mapKpisKey } from "./kpisApi.js";
import { LinkedKpi } from "./LinkedKpi.js";
import styles from "./Kpis.module.css";
import { useMapKpis } from "./useMapKpis.js";

/**
 * The live part of a KPI card linked to a defined KPI (`kpiId`): its value, target and sparkline from the map's KPI
 * series; `fallback` when the card is not on a live map (shared views) or its KPI is gone.
 */
export function LinkedKpiCard({
  kpiId,
  workspaceId,
  fallback,
  frame,
}: {
  kpiId: string;
  workspaceId: string | undefined;
  /** What the card shows without live data: the values typed on it. */
  fallback: ReactNode;
  /** Puts the live part into the card (its name above it). */
  frame: (live: ReactNode) => ReactNode;
}) {
  const evidence = useEvidence();
  // Only the live editor has the map's data (and the query cache); elsewhere the card shows what was typed.
  if (!evidence) return fallback;
  return (
    <LiveKpi
      kpiId={kpiId}
      workspaceId={workspaceId ?? evidence.workspaceId}
      mapId={evidence.mapId}
      fallback={fallback}
      frame={frame}
    />
  );
}

function LiveKpi({
  kpiId,
  workspaceId,
  mapId,
  fallback,
  frame,
}: {
  kpiId: string;
  workspaceId: string;
  mapId: string;
  fallback: ReactNode;
  frame: (live: ReactNode) => ReactNode;
}) {
  const { t } = useI18n();
  const { data, isPending, isError } = useMapKpis(workspaceId, mapId);
  if (isError) return frame(<p className={styles.muted}>{t("kpis.card.failed")}</p>);
  if (isPending) return frame(<p className={styles.muted}>{t("kpis.card.loading")}</p>);
  const kpi = data?.kpis.find((k) => k.id === kpiId);
  const series = data?.series.find((s) => s.kpiId === kpiId);
  return kpi && series ? frame(<LinkedKpi kpi={kpi} series={series} />) : fallback;
}

/**
 * In a KPI card's editor: defines a KPI on the card's step (computed from the data, or entered by hand) or edits the
 * linked one, and links the card to it.
 */
export function KpiCardLinkButton({
  kpiId,
  name,
  stepId,
  workspaceId,
  onLinked,
}: {
  kpiId: string | undefined;
  name: string;
  stepId: string;
  workspaceId: string | undefined;
  onLinked: (kpi: Kpi) => void;
}) {
  const evidence = useEvidence();
  if (!evidence) return null;
  return (
    <LinkButton
      kpiId={kpiId}
      name={name}
      stepId={stepId}
      workspaceId={workspaceId ?? evidence.workspaceId}
      mapId={evidence.mapId}
      onLinked={onLinked}
    />
  );
}

function LinkButton({
  kpiId,
  name,
  stepId,
  workspaceId: ws,
  mapId,
  onLinked,
}: {
  kpiId: string | undefined;
  name: string;
  stepId: string;
  workspaceId: string;
  mapId: string;
  onLinked: (kpi: Kpi) => void;
}) {
  const { t } = useI18n();
  const view = useContext(MapViewContext);
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { data } = useMapKpis(ws, mapId);
  const kpi = kpiId ? data?.kpis.find((k) => k.id === kpiId) : undefined;
  const structure = view?.getStructure();
  const steps = (structure?.steps ?? []).filter((s) => s.id !== stepId).map((s) => ({ id: s.id, name: s.name }));
  const step = structure?.steps.find((s) => s.id === stepId);
  const stage = structure?.stages.find((s) => s.id === step?.stageId);
  const focus = step && stage ? { stepId, stepName: step.name, stageId: stage.id, stageName: stage.name } : undefined;
  return (
    <>
      <button type="button" className={styles.linkButton} onClick={() => setOpen(true)}>
        {kpi ? t("kpis.card.edit") : t("kpis.card.link")}
      </button>
      {open && (
        <KpiEditorDialog
          workspaceId={ws}
          initialAnchor={{ kind: "step", mapId, stepId }}
          focus={focus}
          kpi={kpi}
          steps={steps}
          initialName={name}
          onClose={() => setOpen(false)}
          onSaved={(saved) => {
            setOpen(false);
            void queryClient.invalidateQueries({ queryKey: mapKpisKey(mapId) });
            onLinked(saved);
          }}
        />
      )}
    </>
  );
}
