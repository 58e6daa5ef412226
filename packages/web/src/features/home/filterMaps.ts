import type { MapListItem } from "@opencjm/core";

/** What the home screen's map list is narrowed and ordered by; empty strings mean "any". */
export interface MapFilters {
  query: string;
  type: string;
  status: string;
  personaId: string;
  tag: string;
  sort: "updated" | "title" | "created";
}

/** No filter, most recently edited first. */
export const NO_FILTERS: MapFilters = { query: "", type: "", status: "", personaId: "", tag: "", sort: "updated" };

const fold = (s: string) => s.normalize("NFKC").toLocaleLowerCase();

/**
 * The maps that pass every filter, sorted. The search looks in the title, goal, tags and the names of the map's
 * personas, ignoring case; several words must all be found. Titles sort in the UI language's collation.
 */
export function filterMaps(
  maps: readonly MapListItem[],
  filters: MapFilters,
  personaNames: ReadonlyMap<string, string>,
  locale: string,
): MapListItem[] {
  const words = fold(filters.query).split(/\s+/).filter(Boolean);
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const out = maps.filter((m) => {
    if (filters.type && m.type !== filters.type) return false;
    if (filters.status && m.status !== filters.status) return false;
    if (filters.personaId && !m.personaIds.includes(filters.personaId)) return false;
    if (filters.tag && !m.tags.includes(filters.tag)) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [m.title, m.goal, ...m.tags, ...m.personaIds.map((id) => personaNames.get(id) ?? "")].join("\n"),
    );
    return words.every((w) => haystack.includes(w));
  });
  const byDateDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  if (filters.sort === "title") out.sort((a, b) => collator.compare(a.title, b.title));
  else if (filters.sort === "created") out.sort((a, b) => byDateDesc(a.createdAt, b.createdAt));
  else out.sort((a, b) => byDateDesc(a.updatedAt, b.updatedAt));
  return out;
}

/** Every tag used by any map, sorted, for the tag filter. */
export function allTags(maps: readonly MapListItem[], locale: string): string[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return [...new Set(maps.flatMap((m) => m.tags))].sort(collator.compare);
}

const SORTS: ReadonlyArray<MapFilters["sort"]> = ["updated", "title", "created"];
const PARAMS: Record<Exclude<keyof MapFilters, "sort">, string> = {
  query: "q",
  type: "type",
  status: "status",
  personaId: "persona",
  tag: "tag",
};

/** Filters read from the page address (`?q=…&type=…`), so a reload or the back button keeps them. */
export function filtersFromSearch(search: string): MapFilters {
  const params = new URLSearchParams(search);
  const out: MapFilters = { ...NO_FILTERS };
  for (const [key, name] of Object.entries(PARAMS) as Array<[Exclude<keyof MapFilters, "sort">, string]>)
    out[key] = (params.get(name) ?? "").slice(0, 200);
  const sort = params.get("sort");
  if (sort && (SORTS as readonly string[]).includes(sort)) out.sort = sort as MapFilters["sort"];
  return out;
}

/** The filters as a query string, leaving out those at their default. */
export function filtersToSearch(filters: MapFilters): string {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(PARAMS) as Array<[Exclude<keyof MapFilters, "sort">, string]>)
    if (filters[key]) params.set(name, filters[key]);
  if (filters.sort !== NO_FILTERS.sort) params.set("sort", filters.sort);
  return params.toString();
}
