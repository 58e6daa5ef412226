import { IDEA_STATUSES, type IdeaListQuery, type MapListItem, type MemberInfo } from "@opencjm/core";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./Ideas.module.css";

/** The choices the backlog's filters offer: the workspace's maps, the chosen map's stages, members and tags in use. */
export interface FilterChoices {
  maps: Pick<MapListItem, "id" | "title">[];
  stages: { id: string; name: string }[];
  members: Pick<MemberInfo, "userId" | "name">[];
  tags: string[];
}

const SORTS = ["ice", "rice", "updated", "created"] as const;

/** Filters of the backlog (map, stage, status, owner, tag) and its ranking; every change is handed to `onChange`. */
export function BacklogFilters({
  query,
  choices,
  onChange,
}: {
  query: IdeaListQuery;
  choices: FilterChoices;
  onChange: (query: IdeaListQuery) => void;
}) {
  const t = useT();
  const set = <K extends keyof IdeaListQuery>(key: K, value: string) => {
    const next: IdeaListQuery = { ...query, [key]: value === "" ? undefined : value };
    // A stage belongs to one map: changing the map drops the stage filter.
    if (key === "mapId") delete next.stageId;
    onChange(next);
  };
  const any = <option value="">{t("ideas.filters.any")}</option>;
  return (
    <fieldset className={styles.filters} data-testid="idea-filters">
      <legend className="visually-hidden">{t("ideas.filters.label")}</legend>
      <label>
        {t("ideas.filters.map")}
        <select value={query.mapId ?? ""} onChange={(e) => set("mapId", e.target.value)}>
          {any}
          {choices.maps.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("ideas.filters.stage")}
        <select value={query.stageId ?? ""} disabled={!query.mapId} onChange={(e) => set("stageId", e.target.value)}>
          {any}
          {choices.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("ideas.filters.status")}
        <select value={query.status ?? ""} onChange={(e) => set("status", e.target.value)}>
          {any}
          {IDEA_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`vocabulary.ideaStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("ideas.filters.owner")}
        <select value={query.ownerId ?? ""} onChange={(e) => set("ownerId", e.target.value)}>
          {any}
          {choices.members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("ideas.filters.tag")}
        <select value={query.tag ?? ""} onChange={(e) => set("tag", e.target.value)}>
          {any}
          {choices.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("ideas.filters.sort")}
        <select value={query.sort ?? "ice"} onChange={(e) => set("sort", e.target.value)}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`ideas.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
