import { MAP_STATUSES, MAP_TYPES, type Persona } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import type { MapFilters } from "./filterMaps.js";
import styles from "./HomePage.module.css";
import { Button } from "../../app/Button.js";

/** Search, filters (type, status, persona, tag) and sort of the map list. */
export function MapFiltersBar({
  filters,
  onChange,
  personas,
  tags,
}: {
  filters: MapFilters;
  onChange: (f: MapFilters) => void;
  personas: readonly Persona[];
  tags: readonly string[];
}) {
  const { t } = useI18n();
  const set = <K extends keyof MapFilters>(key: K, value: MapFilters[K]) => onChange({ ...filters, [key]: value });
  const active = filters.query || filters.type || filters.status || filters.personaId || filters.tag;
  return (
    <div className={styles.filters} role="search">
      <input
        className={`input ${styles.search}`}
        type="search"
        placeholder={t("home.searchPlaceholder")}
        aria-label={t("home.searchLabel")}
        value={filters.query}
        onChange={(e) => set("query", e.target.value)}
        data-testid="map-search"
      />
      <select
        className="input"
        aria-label={t("home.filterType")}
        value={filters.type}
        onChange={(e) => set("type", e.target.value)}
        data-testid="filter-type"
      >
        <option value="">{t("home.anyType")}</option>
        {MAP_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`vocabulary.mapType.${type}`)}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t("home.filterStatus")}
        value={filters.status}
        onChange={(e) => set("status", e.target.value)}
        data-testid="filter-status"
      >
        <option value="">{t("home.anyStatus")}</option>
        {MAP_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`vocabulary.mapStatus.${status}`)}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t("home.filterPersona")}
        value={filters.personaId}
        onChange={(e) => set("personaId", e.target.value)}
        data-testid="filter-persona"
      >
        <option value="">{t("home.anyPersona")}</option>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t("home.filterTag")}
        value={filters.tag}
        onChange={(e) => set("tag", e.target.value)}
        data-testid="filter-tag"
        disabled={tags.length === 0}
      >
        <option value="">{t("home.anyTag")}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t("home.sortLabel")}
        value={filters.sort}
        onChange={(e) => set("sort", e.target.value as MapFilters["sort"])}
        data-testid="sort"
      >
        <option value="updated">{t("home.sortUpdated")}</option>
        <option value="title">{t("home.sortTitle")}</option>
        <option value="created">{t("home.sortCreated")}</option>
      </select>
      {active && (
        <Button
          variant="ghost"
          size="small"
          onClick={() => onChange({ ...filters, query: "", type: "", status: "", personaId: "", tag: "" })}
        >
          {t("home.clearFilters")}
        </Button>
      )}
    </div>
  );
}
