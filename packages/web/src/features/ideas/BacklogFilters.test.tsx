// @vitest-environment jsdom
import type { IdeaListQuery } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { BacklogFilters, type FilterChoices } from "./BacklogFilters.js";

afterEach(cleanup);

const choices: FilterChoices = {
  maps: [
    { id: "m1", title: "Buying shoes" },
    { id: "m2", title: "Returns" },
  ],
  stages: [{ id: "s1", name: "Checkout" }],
  members: [{ userId: "u1", name: "Lena" }],
  tags: ["checkout", "delivery"],
};

function Harness({ seen }: { seen: IdeaListQuery[] }) {
  const [query, setQuery] = useState<IdeaListQuery>({ sort: "ice" });
  return (
    <BacklogFilters
      query={query}
      choices={choices}
      onChange={(next) => {
        seen.push(next);
        setQuery(next);
      }}
    />
  );
}

describe("the backlog's filters", () => {
  it("combines map, stage, status, owner and tag, and ranks by the chosen score", async () => {
    const user = userEvent.setup();
    const seen: IdeaListQuery[] = [];
    renderWithI18n(<Harness seen={seen} />);
    expect((screen.getByRole("combobox", { name: "Stage" }) as HTMLSelectElement).disabled).toBe(true);
    await user.selectOptions(screen.getByRole("combobox", { name: "Map" }), "Buying shoes");
    await user.selectOptions(screen.getByRole("combobox", { name: "Stage" }), "Checkout");
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Approved");
    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Lena");
    await user.selectOptions(screen.getByRole("combobox", { name: "Tag" }), "delivery");
    await user.selectOptions(screen.getByRole("combobox", { name: "Rank by" }), "RICE score");
    expect(seen.at(-1)).toEqual({
      mapId: "m1",
      stageId: "s1",
      status: "approved",
      ownerId: "u1",
      tag: "delivery",
      sort: "rice",
    });
  });

  it("drops the stage when another map is chosen, and 'Any' clears a filter", async () => {
    const user = userEvent.setup();
    const seen: IdeaListQuery[] = [];
    renderWithI18n(<Harness seen={seen} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Map" }), "Buying shoes");
    await user.selectOptions(screen.getByRole("combobox", { name: "Stage" }), "Checkout");
    await user.selectOptions(screen.getByRole("combobox", { name: "Map" }), "Returns");
    expect(seen.at(-1)).toEqual({ mapId: "m2", sort: "ice" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Map" }), "Any");
    expect(seen.at(-1)?.mapId).toBeUndefined();
  });
});
