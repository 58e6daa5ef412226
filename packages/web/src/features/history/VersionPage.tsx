import { compareVersions, roleAllows, type MapSnapshot, type MapVersion } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { ErrorScreen } from "../../app/ErrorScreen.js";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { useSession } from "../../app/SessionProvider.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { CompareStepTable } from "../compare/CompareStepTable.js";
import { ReadOnlyMap } from "../mapEditor/ReadOnlyMap.js";
import { useMapResources } from "../mapEditor/useMapResources.js";
import { changedCells } from "./changedCells.js";
import { fetchVersion, versionExportUrl, versionKey } from "./historyApi.js";
import { RestoreVersionButton } from "./RestoreVersionButton.js";
import { versionLabel } from "./versionLabel.js";
import styles from "./History.module.css";

type Side = { version: MapVersion | null; snapshot: MapSnapshot };

/** Which side is older: versions by time, the map as it is now ("current", no version) always the newer. */
function inOrder(a: Side, b: Side): [Side, Side] {
  if (!a.version) return [b, a];
  if (!b.version) return [a, b];
  return a.version.createdAt <= b.version.createdAt ? [a, b] : [b, a];
}

/**
 * One version of a map, read-only, with the same grid as the editor; with `?with=` (another version or "current")
 * the two are compared: what changed is marked on the newer map and listed step by step below it.
 */
export default function VersionPage({
  workspaceId,
  mapId,
  versionId,
}: {
  workspaceId: string;
  mapId: string;
  versionId: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const otherId = new URLSearchParams(useSearch()).get("with");
  const [, navigate] = useLocation();
  const { roleIn } = useSession();
  const role = roleIn(workspaceId);
  const resources = useMapResources(workspaceId, mapId);
  const version = useQuery({
    queryKey: versionKey(mapId, versionId),
    queryFn: () => fetchVersion(workspaceId, mapId, versionId),
    staleTime: Infinity,
  });
  const other = useQuery({
    queryKey: versionKey(mapId, otherId ?? ""),
    queryFn: () => fetchVersion(workspaceId, mapId, otherId!),
    enabled: !!otherId,
    // The map as it is now changes; a version never does.
    staleTime: otherId === "current" ? 0 : Infinity,
  });
  const compared = useMemo(() => {
    if (!version.data || !other.data) return null;
    const [older, newer] = inOrder(version.data, other.data);
    return {
      older,
      newer,
      comparison: compareVersions(older.snapshot, newer.snapshot),
      cells: changedCells(older.snapshot, newer.snapshot),
    };
  }, [version.data, other.data]);

  const error = version.error ?? other.error ?? (resources.state === "failed" ? resources.error : null);
  if (error) return <ErrorScreen error={error} />;
  if (!version.data || (otherId && !other.data) || resources.state !== "ready") return <LoadingScreen />;
  const shown = compared?.newer ?? version.data;
  const sideLabel = (side: Side) => (side.version ? versionLabel(side.version, i18n) : t("history.current"));
  // Inside the workspace's routes, so relative to /w/<workspaceId>.
  const editor = `/maps/${encodeURIComponent(mapId)}`;

  return (
    <div className={styles.page} data-testid="version-page">
      <header className={styles.pageHead}>
        <div>
          <h1 className={styles.pageTitle}>
            <bdi>{shown.snapshot.settings.title}</bdi>
          </h1>
          {compared ? (
            <p data-testid="version-compared">
              {t("history.compare.between", { older: sideLabel(compared.older), newer: sideLabel(compared.newer) })}
            </p>
          ) : (
            <p data-testid="version-title">{t("history.readOnly", { version: sideLabel(version.data) })}</p>
          )}
        </div>
        <div className={styles.pageActions}>
          <Link href={editor} className="btn btn-small" data-testid="version-back">
            {t("history.backToMap")}
          </Link>
          {version.data.version && (
            <>
              <a className="btn btn-small btn-ghost" href={versionExportUrl(workspaceId, mapId, versionId, "json")}>
                {t("history.export.json")}
              </a>
              <a className="btn btn-small btn-ghost" href={versionExportUrl(workspaceId, mapId, versionId, "pdf")}>
                {t("history.export.pdf")}
              </a>
            </>
          )}
          {version.data.version && role && roleAllows(role, "write") && (
            <RestoreVersionButton
              workspaceId={workspaceId}
              mapId={mapId}
              version={version.data.version}
              onRestored={() => navigate(editor)}
            />
          )}
        </div>
      </header>
      {compared && (
        <p className={styles.summary} data-testid="version-diff-summary">
          <span data-status="added">{t("history.diff.added", { count: compared.comparison.summary.added })}</span>
          <span data-status="removed">{t("history.diff.removed", { count: compared.comparison.summary.removed })}</span>
          <span data-status="changed">{t("history.diff.changed", { count: compared.comparison.summary.changed })}</span>
          <span>{t("history.diff.cells", { count: compared.cells.size })}</span>
        </p>
      )}
      <div className={styles.mapArea}>
        <ReadOnlyMap
          snapshot={shown.snapshot}
          catalogue={resources.catalogue}
          label={shown.snapshot.settings.title}
          highlighted={compared?.cells}
        />
      </div>
      {compared && (
        <section className={styles.stepChanges} aria-label={t("history.diff.steps")}>
          <CompareStepTable
            comparison={compared.comparison}
            personaNames={new Map(resources.personas.map((p) => [p.id, p.name]))}
            leftTitle={sideLabel(compared.older)}
            rightTitle={sideLabel(compared.newer)}
          />
        </section>
      )}
    </div>
  );
}
