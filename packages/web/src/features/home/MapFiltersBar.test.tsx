// @vitest-environment jsdom
import { PersonaSchema, type Persona } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { NO_FILTERS, type MapFilters } from "./filterMaps.js";
import { MapFiltersBar } from "./MapFiltersBar.js";

const personas: Persona[] = [PersonaSchema.parse({ id: "p1", name: "Ana Costa", createdAt: "x", updatedAt: "x" })];

function renderBar(locale: "en" | "zh-Hant" = "en") {
  const latest = { filters: NO_FILTERS };
  function Harness() {
    const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
    return (
      <MapFiltersBar
        filters={filters}
        personas={personas}
        tags={["q1", "mobile"]}
        onChange={(next) => {
          latest.filters = next;
          setFilters(next);
        }}
      />
    );
  }
  renderWithI18n(<Harness />, locale);
  return latest;
}

afterEach(cleanup);

describe("MapFiltersBar", () => {
  it("sets search, type, status, persona, tag and sort, and clears the filters but not the sort", async () => {
    const user = userEvent.setup();
    const latest = renderBar();
    await user.type(screen.getByRole("searchbox", { name: "Search maps" }), "checkout");
    await user.selectOptions(screen.getByRole("combobox", { name: "Map type" }), "futureState");
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "published");
    await user.selectOptions(screen.getByRole("combobox", { name: "Persona" }), "Ana Costa");
    await user.selectOptions(screen.getByRole("combobox", { name: "Tag" }), "mobile");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "title");
    expect(latest.filters).toEqual({
      query: "checkout",
      type: "futureState",
      status: "published",
      personaId: "p1",
      tag: "mobile",
      sort: "title",
    });
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(latest.filters).toEqual({ ...NO_FILTERS, sort: "title" });
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
  });

  it("names the map types in the UI language", () => {
    renderBar("zh-Hant");
    expect(screen.getByRole("option", { name: "未來狀態" })).toBeTruthy();
  });
});
