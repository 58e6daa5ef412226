import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useLocation, useSearch } from "wouter";
import { mapListQuery } from "../../api/workspaceQueries.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { memberListQuery } from "../members/membersQueries.js";
import { activityQuery } from "./activityQueries.js";
import { activityText } from "./activityText.js";
import styles from "./ActivityPage.module.css";

/**
 * The workspace's activity log (`/w/<id>/activity`, `?map=<mapId>` for one map's, `&person=<userId>` for one
 * person's): who created, renamed, restored or deleted which map, invited or removed whom, imported data, shared.
 * The filters live in the address so a map can link to its own activity.
 */
export default function ActivityPage({ workspaceId }: { workspaceId: string }) {
  const { t, formatDate, formatRelative } = useI18n();
  const errorMessage = useErrorMessage();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const mapId = params.get("map") ?? undefined;
  const actorId = params.get("person") ?? undefined;
  const maps = useQuery(mapListQuery(workspaceId));
  const members = useQuery(memberListQuery(workspaceId));
  const log = useInfiniteQuery(activityQuery(workspaceId, { mapId, actorId }));
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  const handleFilter = (key: "map" | "person", value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    navigate(query ? `/activity?${query}` : "/activity", { replace: true });
  };

  return (
    <section className={styles.page} aria-labelledby="activity-title">
      <h1 id="activity-title">{t("activity.title")}</h1>
      <div className={styles.filters}>
        <label className="field">
          {t("activity.filterMap")}
          <select
            className="input"
            value={mapId ?? ""}
            onChange={(e) => handleFilter("map", e.target.value)}
            data-testid="activity-map-filter"
          >
            <option value="">{t("activity.allMaps")}</option>
            {mapId && !maps.data?.some((m) => m.id === mapId) && (
              <option value={mapId}>{t("activity.deletedMap")}</option>
            )}
            {maps.data?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("activity.filterPerson")}
          <select
            className="input"
            value={actorId ?? ""}
            onChange={(e) => handleFilter("person", e.target.value)}
            data-testid="activity-person-filter"
          >
            <option value="">{t("activity.everyone")}</option>
            {members.data?.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {log.isError ? (
        <p role="alert" className={styles.error}>
          {errorMessage(log.error)}
        </p>
      ) : log.isPending ? (
        <p aria-busy="true">{t("activity.loading")}</p>
      ) : entries.length === 0 ? (
        <p className={styles.empty}>{t("activity.empty")}</p>
      ) : (
        <ol className={styles.list} data-testid="activity-list">
          {entries.map((entry) => (
            <li key={entry.id} className={styles.entry} data-testid="activity-entry">
              <span>
                {activityText(t, entry)}
                {entry.mapId && entry.action !== "map.deleted" && maps.data?.some((m) => m.id === entry.mapId) && (
                  <>
                    {" "}
                    <Link href={`/maps/${encodeURIComponent(entry.mapId)}`}>{t("activity.openMap")}</Link>
                  </>
                )}
              </span>
              <time
                dateTime={entry.createdAt}
                title={formatDate(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              >
                {formatRelative(entry.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t("activity.more")}
        </button>
      )}
    </section>
  );
}
