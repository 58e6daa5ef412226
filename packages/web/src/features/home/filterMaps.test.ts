import { describe, expect, it } from "vitest";
import { allTags, filterMaps, filtersFromSearch, filtersToSearch, NO_FILTERS } from "./filterMaps.js";
import type { MapListItem } from "@opencjm/core";

const map = (over: Partial<MapListItem>): MapListItem => ({
  id: "m",
  workspaceId: "w",
  title: "Map",
  type: "currentState",
  status: "draft",
  createdBy: "u",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  goal: "",
  personaIds: [],
  tags: [],
  stageCount: 1,
  stepCount: 1,
  ...over,
});

const maps = [
  map({
    id: "a",
    title: "Checkout",
    type: "currentState",
    status: "published",
    personaIds: ["p1"],
    tags: ["q1"],
    updatedAt: "2026-03-01T00:00:00Z",
    createdAt: "2026-01-03T00:00:00Z",
  }),
  map({
    id: "b",
    title: "checkout — future",
    type: "futureState",
    personaIds: ["p1", "p2"],
    tags: ["q1", "wow"],
    updatedAt: "2026-02-01T00:00:00Z",
    createdAt: "2026-01-05T00:00:00Z",
  }),
  map({
    id: "c",
    title: "Онбординг",
    goal: "Fewer support tickets",
    type: "dayInTheLife",
    status: "archived",
    updatedAt: "2026-04-01T00:00:00Z",
    createdAt: "2026-01-01T00:00:00Z",
  }),
  map({
    id: "d",
    title: "خرید اینترنتی",
    tags: ["ایران"],
    personaIds: ["p2"],
    updatedAt: "2026-01-15T00:00:00Z",
    createdAt: "2026-01-04T00:00:00Z",
  }),
];
const names = new Map([
  ["p1", "Ana Costa"],
  ["p2", "Ли Вэй"],
]);
const ids = (list: MapListItem[]) => list.map((m) => m.id);

describe("filterMaps", () => {
  it("lists every map, most recently edited first, when nothing is filtered", () => {
    expect(ids(filterMaps(maps, NO_FILTERS, names, "en"))).toEqual(["c", "a", "b", "d"]);
  });

  it("searches titles, goals, tags and persona names, ignoring case; every word must match", () => {
    expect(ids(filterMaps(maps, { ...NO_FILTERS, query: "CHECKOUT" }, names, "en"))).toEqual(["a", "b"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, query: "support" }, names, "en"))).toEqual(["c"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, query: "ли вэй" }, names, "ru"))).toEqual(["b", "d"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, query: "checkout wow" }, names, "en"))).toEqual(["b"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, query: "ایران" }, names, "fa"))).toEqual(["d"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, query: "nothing like this" }, names, "en"))).toEqual([]);
  });

  it("narrows by type, status, persona and tag together", () => {
    expect(ids(filterMaps(maps, { ...NO_FILTERS, type: "futureState" }, names, "en"))).toEqual(["b"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, status: "draft" }, names, "en"))).toEqual(["b", "d"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, personaId: "p1" }, names, "en"))).toEqual(["a", "b"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, personaId: "p1", tag: "wow" }, names, "en"))).toEqual(["b"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, personaId: "p2", status: "published" }, names, "en"))).toEqual([]);
  });

  it("sorts by title in the language's order, or by creation date", () => {
    expect(ids(filterMaps(maps, { ...NO_FILTERS, sort: "title" }, names, "en")).slice(0, 2)).toEqual(["a", "b"]);
    expect(ids(filterMaps(maps, { ...NO_FILTERS, sort: "created" }, names, "en"))).toEqual(["b", "d", "a", "c"]);
  });

  it("collects the tags in use", () => {
    expect(allTags(maps, "en")).toEqual(["q1", "wow", "ایران"]);
  });
});

describe("filters in the page address", () => {
  it("round-trips through the query string and leaves defaults out", () => {
    const filters = { ...NO_FILTERS, query: "چک اوت & more", type: "futureState", tag: "q1", sort: "title" as const };
    expect(filtersFromSearch(`?${filtersToSearch(filters)}`)).toEqual(filters);
    expect(filtersToSearch(NO_FILTERS)).toBe("");
  });

  it("ignores an unknown sort and cuts absurdly long values", () => {
    const parsed = filtersFromSearch(`?sort=evil&q=${"x".repeat(500)}`);
    expect(parsed.sort).toBe("updated");
    expect(parsed.query).toHaveLength(200);
  });
});
