// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { IdeaLinkChoices } from "./ideaLinkChoices.js";
import { IdeaLinkPickers, type IdeaLinkSelection } from "./IdeaLinkPickers.js";

afterEach(cleanup);

const choices: IdeaLinkChoices = {
  steps: [
    { key: "m1/st1", label: "Search", hint: "Discover" },
    { key: "m1/st2", label: "Pay", hint: "Checkout" },
    { key: "m1/st3", label: "Track parcel", hint: "Delivery" },
  ],
  touchpoints: [{ key: "tp1", label: "Web shop" }],
  kpis: [
    { key: "k1", label: "Checkout conversion", hint: "Checkout" },
    { key: "k2", label: "NPS", hint: "whole workspace" },
  ],
  touchpointNames: new Map([["tp1", "Web shop"]]),
  kpiNames: new Map([
    ["k1", "Checkout conversion"],
    ["k2", "NPS"],
  ]),
};

function Harness({ seen, disabled = false }: { seen: IdeaLinkSelection[]; disabled?: boolean }) {
  const [value, setValue] = useState<IdeaLinkSelection>({ steps: [], touchpointIds: [], kpiIds: ["k2"] });
  return (
    <IdeaLinkPickers
      choices={choices}
      value={value}
      disabled={disabled}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

describe("the idea dialog's pickers", () => {
  it("picks a step and a KPI from searchable lists of the map's own and removes a chip", async () => {
    const user = userEvent.setup();
    const seen: IdeaLinkSelection[] = [];
    renderWithI18n(<Harness seen={seen} />);

    await user.click(screen.getByRole("button", { name: "Add: Steps it changes" }));
    const stepList = screen.getByRole("dialog", { name: "Add: Steps it changes" });
    await user.type(within(stepList).getByRole("searchbox", { name: "Search" }), "pa");
    // "Pay" and "Track parcel" match; the search narrows the list, by name or stage.
    expect(within(stepList).queryByRole("button", { name: /Search/ })).toBeNull();
    expect(within(stepList).getByRole("button", { name: /Track parcel/ })).toBeTruthy();
    await user.click(within(stepList).getByRole("button", { name: /Pay/ }));
    const steps = screen.getByRole("list", { name: "Steps it changes" });
    expect(within(steps).getByText("Pay")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Add: KPIs it should move" }));
    const kpiList = screen.getByRole("dialog", { name: "Add: KPIs it should move" });
    // NPS is already linked, so only the other KPI is offered.
    expect(within(kpiList).queryByRole("button", { name: /NPS/ })).toBeNull();
    await user.type(within(kpiList).getByRole("searchbox", { name: "Search" }), "conv{Enter}");
    expect(seen.at(-1)).toEqual({ steps: [{ mapId: "m1", stepId: "st2" }], touchpointIds: [], kpiIds: ["k2", "k1"] });

    await user.click(screen.getByRole("button", { name: "Remove “NPS”" }));
    expect(seen.at(-1)).toEqual({ steps: [{ mapId: "m1", stepId: "st2" }], touchpointIds: [], kpiIds: ["k1"] });
    const kpis = screen.getByRole("list", { name: "KPIs it should move" });
    expect(within(kpis).queryByText("NPS")).toBeNull();
    expect(within(kpis).getByText("Checkout conversion")).toBeTruthy();
  });

  it("says when nothing matches the search", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness seen={[]} />);
    await user.click(screen.getByRole("button", { name: "Add: Touchpoints it changes" }));
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "kiosk");
    expect(screen.getByText("Nothing matches.")).toBeTruthy();
  });

  it("shows the links without add or remove buttons to a reader", () => {
    renderWithI18n(<Harness seen={[]} disabled />);
    expect(within(screen.getByRole("list", { name: "KPIs it should move" })).getByText("NPS")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
