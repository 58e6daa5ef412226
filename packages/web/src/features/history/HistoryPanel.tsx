import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { fetchHistory, historyKey, versionPagePath } from "./historyApi.js";
import { NameVersionForm } from "./NameVersionForm.js";
import { VersionEntry } from "./VersionEntry.js";
import styles from "./History.module.css";

/**
 * The history side panel of the editor: who changed the map and when, grouped by editing session, named versions
 * marked; name the map as it is now, open a version read-only, compare two, restore one.
 */
export function HistoryPanel({
  workspaceId,
  mapId,
  canWrite,
  onClose,
}: {
  workspaceId: string;
  mapId: string;
  canWrite: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = useId();
  const history = useQuery({ queryKey: historyKey(mapId), queryFn: () => fetchHistory(workspaceId, mapId) });
  const [picked, setPicked] = useState<string[]>([]);
  const pick = (id: string, on: boolean) =>
    setPicked((now) => (on ? [...now.filter((x) => x !== id), id].slice(-2) : now.filter((x) => x !== id)));
  const [first, second] = picked;

  return (
    <aside
      className={styles.panel}
      aria-labelledby={titleId}
      data-testid="history-panel"
      onKeyDown={(e) => e.key === "Escape" && !e.defaultPrevented && onClose()}
    >
      <header className={styles.panelHead}>
        <h2 id={titleId}>{t("history.title")}</h2>
        <button type="button" className={styles.close} aria-label={t("history.close")} onClick={onClose}>
          ×
        </button>
      </header>
      {canWrite && <NameVersionForm workspaceId={workspaceId} mapId={mapId} />}
      <div className={styles.compareBar}>
        {first && second ? (
          <Link
            href={versionPagePath(mapId, first, second)}
            className="btn btn-small btn-primary"
            data-testid="history-compare"
          >
            {t("history.compare.picked")}
          </Link>
        ) : (
          <p className={styles.hint}>{t("history.compare.hint")}</p>
        )}
      </div>
      {history.isPending && <p className={styles.hint}>{t("history.loading")}</p>}
      {history.isError && (
        <p className={styles.problem} role="alert">
          {t("history.loadFailed")}
        </p>
      )}
      <div className={styles.sessions}>
        {history.data?.sessions.map((session) => (
          <section key={session.versions[0]!.id} className={styles.session} data-testid="history-session">
            <h3 className={styles.sessionHead}>
              {i18n.formatDate(session.startedAt, { dateStyle: "medium", timeStyle: "short" })}
              {session.authors.length > 0 && (
                <span className={styles.sessionWho}>
                  {" · "}
                  <bdi>{session.authors.map((a) => a.name).join(", ")}</bdi>
                </span>
              )}
            </h3>
            <ul className={styles.entries}>
              {session.versions.map((version) => (
                <VersionEntry
                  key={version.id}
                  workspaceId={workspaceId}
                  mapId={mapId}
                  version={version}
                  canWrite={canWrite}
                  picked={picked.includes(version.id)}
                  onPick={(on) => pick(version.id, on)}
                />
              ))}
            </ul>
          </section>
        ))}
        {history.data?.hasMore && <p className={styles.hint}>{t("history.more")}</p>}
      </div>
    </aside>
  );
}
