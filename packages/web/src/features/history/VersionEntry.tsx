import type { MapVersion } from "@opencjm/core";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { versionPagePath } from "./historyApi.js";
import { RestoreVersionButton } from "./RestoreVersionButton.js";
import { versionLabel } from "./versionLabel.js";
import styles from "./History.module.css";

/** One version in the history panel: what and when, who edited, open, pick for comparing, restore. */
export function VersionEntry({
  workspaceId,
  mapId,
  version,
  canWrite,
  picked,
  onPick,
}: {
  workspaceId: string;
  mapId: string;
  version: MapVersion;
  canWrite: boolean;
  picked: boolean;
  onPick: (picked: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = versionLabel(version, i18n);
  const who = version.authors.map((a) => a.name).filter(Boolean);
  return (
    <li
      className={styles.entry}
      data-testid="history-version"
      data-kind={version.kind}
      data-named={version.name ? "true" : undefined}
    >
      <div className={styles.entryHead}>
        <label className={styles.pick}>
          <input
            type="checkbox"
            checked={picked}
            onChange={(e) => onPick(e.target.checked)}
            aria-label={t("history.compare.pick", { version: label })}
            data-testid="history-pick"
          />
          <bdi className={styles.entryLabel}>{label}</bdi>
        </label>
        {version.name && <span className="badge badge-accent">{t("history.named")}</span>}
      </div>
      <p className={styles.entryMeta}>
        {version.name && (
          <span>{i18n.formatDate(version.createdAt, { dateStyle: "medium", timeStyle: "short" })} · </span>
        )}
        {version.restoredFrom && (
          <span>{t("history.restoredFrom", { version: versionLabel(version.restoredFrom, i18n) })} · </span>
        )}
        {who.length > 0 ? (
          <span>{t("history.editedBy", { names: who.join(", ") })}</span>
        ) : (
          version.createdBy && <span>{t("history.by", { name: version.createdBy.name })}</span>
        )}
      </p>
      <div className={styles.entryActions}>
        <Link href={versionPagePath(mapId, version.id)} className="btn btn-small" data-testid="history-open">
          {t("history.open")}
        </Link>
        <Link
          href={versionPagePath(mapId, version.id, "current")}
          className="btn btn-small btn-ghost"
          data-testid="history-compare-current"
        >
          {t("history.compare.withCurrent")}
        </Link>
        {canWrite && <RestoreVersionButton workspaceId={workspaceId} mapId={mapId} version={version} />}
      </div>
    </li>
  );
}
