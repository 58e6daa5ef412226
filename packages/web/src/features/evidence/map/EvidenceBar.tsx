import type { Persona } from "@opencjm/core";
import { DatePicker } from "../../../app/DatePicker.js";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { Link } from "wouter";
import { Button, buttonClassName } from "../../../app/Button.js";
import { useErrorMessage } from "../../../app/useErrorMessage.js";
import { useRememberedFlag } from "../../../app/useRememberedFlag.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { facetsQuery, importListQuery, importRunning } from "../api/evidenceQueries.js";
import { ConversionWindowFilter } from "./ConversionWindowFilter.js";
import { useEvidence } from "./EvidenceContext.js";
import { FunnelStrip } from "./FunnelStrip.js";
import { DataScopeNotes } from "./DataScopeNotes.js";
import styles from "./Evidence.module.css";

/** How often an empty data view looks again while imports are running (the demo's data is prepared at first start). */
const PREPARING_POLL_MS = 3000;

/** True while the workspace has no data yet but an import is running; asks for the metrics again until it is done. */
function usePreparing(evidence: { workspaceId: string; refresh: () => void } | null): boolean {
  const imports = useQuery({
    ...importListQuery(evidence?.workspaceId ?? ""),
    enabled: !!evidence,
    refetchInterval: (query) => (importRunning(query.state.data) ? PREPARING_POLL_MS : false),
  });
  const running = importRunning(imports.data);
  const refresh = evidence?.refresh;
  const checkedAt = imports.dataUpdatedAt;
  // Each look that finds an import running, and the first one after it ended, asks for the numbers again.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (!refresh || !checkedAt) return;
    if (running || wasRunning.current) refresh();
    wasRunning.current = running;
  }, [refresh, checkedAt, running]);
  return !!evidence && running;
}

/**
 * The bar above the grid while data is shown: what the numbers cover, filters for persona (its segment), channel,
 * date range and conversion window that apply to everything on screen, the funnel across stages, and the way to the paths.
 */
export function EvidenceBar({
  personas,
  pathsLink = true,
  userId = "anyone",
}: {
  personas: readonly Persona[];
  pathsLink?: boolean;
  /** Whose choice to fold the bar is remembered (each person on this browser keeps their own). */
  userId?: string;
}) {
  const i18n = useI18n();
  const [folded, setFolded] = useRememberedFlag(`opencjm.dataBar.folded.${userId}`, false);
  const { t, formatDate } = i18n;
  const errorMessage = useErrorMessage();
  const evidence = useEvidence();
  const shown = !!evidence?.shown;
  // The channel list waits for the first metrics: both queries share the workspace's event database, and the numbers
  // on the map come first. Without it the channel filter offers no channels.
  const loaded = !!evidence?.metrics;
  const facets = useQuery({ ...facetsQuery(evidence?.workspaceId ?? ""), enabled: shown && loaded }).data ?? null;
  const bodyId = useId();
  const preparing = usePreparing(evidence?.status === "empty" ? evidence : null);
  if (!evidence || !evidence.shown) return null;
  const { filters, setFilters, metrics, status } = evidence;
  if (status === "empty")
    return (
      <div className={styles.bar} data-testid="evidence-bar" data-status={preparing ? "preparing" : status}>
        <p className={styles.muted}>{preparing ? t("evidence.map.preparing") : t("evidence.map.noData")}</p>
        <Link href="/data" className={buttonClassName("secondary", "small")}>
          {t("evidence.map.importData")}
        </Link>
      </div>
    );
  const segmented = personas.filter((p) => p.segment);
  const summary = (
    <p className={styles.summary} role="status" data-testid="evidence-summary">
      {status === "loading" && !metrics
        ? t("evidence.map.loading")
        : status === "failed"
          ? errorMessage(evidence.error)
          : metrics
            ? t("evidence.map.summary", {
                customers: metrics.totals.customers,
                events: metrics.totals.events,
                from: metrics.totals.firstEventAt ? formatDate(metrics.totals.firstEventAt) : "—",
                to: metrics.totals.lastEventAt ? formatDate(metrics.totals.lastEventAt) : "—",
              })
            : ""}
      {status === "loading" && metrics && <span className={styles.muted}> {t("evidence.map.updating")}</span>}
    </p>
  );
  const notes = status === "ready" && metrics ? <DataScopeNotes metrics={metrics} /> : null;
  const fold = (
    <Button
      variant="ghost"
      size="small"
      aria-expanded={!folded}
      aria-controls={bodyId}
      onClick={() => setFolded(!folded)}
      data-testid="fold-data-bar"
    >
      <span aria-hidden="true">{folded ? "▸" : "▾"}</span> {folded ? t("evidence.map.unfold") : t("evidence.map.fold")}
    </Button>
  );
  return (
    <div
      className={styles.bar}
      data-testid="evidence-bar"
      data-status={status}
      data-folded={folded || undefined}
      aria-busy={status === "loading"}
    >
      <div className={styles.barHead}>
        {fold}
        {summary}
        {notes}
      </div>
      {!folded && (
        <div id={bodyId} className={styles.barBody}>
          <div className={styles.filters} role="group" aria-label={t("evidence.map.filters")}>
            <label className={styles.filter}>
              {t("evidence.map.persona")}
              <select
                className="input"
                value={filters.personaId ?? ""}
                onChange={(e) => setFilters({ ...filters, personaId: e.target.value || undefined })}
                data-testid="filter-persona"
              >
                <option value="">{t("evidence.map.allCustomers")}</option>
                {segmented.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.filter}>
              {t("evidence.map.channel")}
              <select
                className="input"
                value={filters.channels[0] ?? ""}
                onChange={(e) => setFilters({ ...filters, channels: e.target.value ? [e.target.value] : [] })}
                data-testid="filter-channel"
              >
                <option value="">{t("evidence.map.allChannels")}</option>
                {(facets?.channels ?? []).map((c) => (
                  <option key={c.channel} value={c.channel}>
                    {c.channel}
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.filter}>
              {t("evidence.map.from")}
              <DatePicker
                value={filters.from ?? ""}
                max={filters.to}
                onChange={(day) => setFilters({ ...filters, from: day || undefined })}
                testId="filter-from"
              />
            </label>
            <label className={styles.filter}>
              {t("evidence.map.to")}
              <DatePicker
                value={filters.to ?? ""}
                min={filters.from}
                onChange={(day) => setFilters({ ...filters, to: day || undefined })}
                testId="filter-to"
              />
            </label>
            <ConversionWindowFilter
              key={filters.windowHours ?? "none"}
              hours={filters.windowHours}
              onChange={(windowHours) => setFilters({ ...filters, windowHours })}
            />
            <Button size="small" onClick={evidence.refresh} data-testid="refresh-data">
              {t("evidence.map.refresh")}
            </Button>
            {pathsLink && (
              <Link
                href={`/maps/${evidence.mapId}/paths`}
                className={buttonClassName("secondary", "small")}
                data-testid="open-paths"
              >
                {t("evidence.paths.open")}
              </Link>
            )}
          </div>
          {metrics && status !== "failed" && <FunnelStrip metrics={metrics} />}
        </div>
      )}
    </div>
  );
}
