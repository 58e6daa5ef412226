import type { DataFacets, RuleMatch, RuleMatches } from "@opencjm/core";
// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn } from "../testing/evidenceTestKit.js";
import { RuleEditor } from "./RuleEditor.js";
import type { RuleCounter } from "./useRulePreview.js";

afterEach(cleanup);

/** A small event log the counter matches rules against the way the engine does (names, `*`/`?` pattern, channel, conditions). */
const EVENTS = [
  ...Array.from({ length: 40 }, (_, i) => ({
    name: "page_view",
    channel: "web",
    customer: i,
    properties: { plan: i < 10 ? "pro" : "free" },
  })),
  ...Array.from({ length: 15 }, (_, i) => ({
    name: "checkout_start",
    channel: "web",
    customer: i,
    properties: { plan: "pro" },
  })),
  ...Array.from({ length: 5 }, (_, i) => ({
    name: "checkout_start",
    channel: "app",
    customer: 50 + i,
    properties: { plan: "free" },
  })),
];

const counted: RuleMatch[] = [];
const count: RuleCounter = async (_ws, rule) => {
  counted.push(rule);
  const pattern = rule.pattern
    ? new RegExp(
        `^${rule.pattern
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, ".*")
          .replace(/\?/g, ".")}$`,
      )
    : null;
  const hits = EVENTS.filter(
    (e) =>
      (rule.eventNames.includes(e.name) || !!pattern?.test(e.name)) &&
      (!rule.channel || e.channel === rule.channel) &&
      rule.conditions.every((c) =>
        c.operator === "eq"
          ? e.properties[c.property as "plan"] === c.value
          : c.operator === "exists"
            ? c.property in e.properties
            : true,
      ),
  );
  const matches: RuleMatches = {
    events: hits.length,
    customers: new Set(hits.map((h) => h.customer)).size,
    totalEvents: EVENTS.length,
    totalCustomers: 45,
    examples: [],
  };
  return matches;
};

const facets: DataFacets = {
  totalEvents: 60,
  totalCustomers: 45,
  firstEventAt: null,
  lastEventAt: null,
  channels: [
    { channel: "web", events: 55, customers: 40 },
    { channel: "app", events: 5, customers: 5 },
  ],
  eventNames: [
    { eventName: "page_view", channel: "web", events: 40, customers: 40 },
    { eventName: "checkout_start", channel: "web", events: 15, customers: 15 },
  ],
  properties: [{ name: "plan", events: 60 }],
  attributes: [],
};

const matchesText = () => screen.getByTestId("rule-matches");

describe("the touchpoint rule editor", () => {
  it("counts the events and customers a rule takes as it is typed, then saves exactly what was typed", async () => {
    const user = userEvent.setup();
    const saved: RuleMatch[] = [];
    renderIn(
      <RuleEditor workspaceId="ws" facets={facets} countMatches={count} onSave={async (r) => void saved.push(r)} />,
    );
    expect(matchesText().textContent).toBe("Give at least one event name or a pattern.");
    expect((screen.getByRole("button", { name: "Save rule" }) as HTMLButtonElement).disabled).toBe(true);

    await user.type(screen.getByTestId("event-name-input"), "checkout_start{Enter}");
    await waitFor(() => expect(matchesText().dataset.events).toBe("20"));
    expect(matchesText().textContent).toBe("Matches 20 events (33.3% of all events); customers: 20.");

    await user.selectOptions(screen.getByTestId("rule-channel"), "web");
    await waitFor(() => expect(matchesText().dataset.events).toBe("15"));

    await user.click(screen.getByTestId("add-condition"));
    const condition = screen.getByTestId("rule-condition");
    await user.type(within(condition).getByRole("combobox", { name: "Property" }), "plan");
    await user.type(within(condition).getByRole("textbox", { name: "Value" }), "pro");
    await waitFor(() => expect(matchesText().dataset.customers).toBe("15"));

    await user.click(screen.getByRole("button", { name: "Save rule" }));
    expect(saved).toEqual([
      {
        eventNames: ["checkout_start"],
        channel: "web",
        conditions: [{ property: "plan", operator: "eq", value: "pro" }],
      },
    ]);
  });

  it("waits for typing to pause before counting, so a name typed letter by letter costs one count", async () => {
    const user = userEvent.setup();
    counted.length = 0;
    renderIn(<RuleEditor workspaceId="ws" facets={facets} countMatches={count} onSave={async () => undefined} />);
    await user.type(screen.getByTestId("rule-pattern"), "page_*");
    await waitFor(() => expect(matchesText().dataset.events).toBe("40"));
    expect(counted.map((r) => r.pattern)).toEqual(["page_*"]);
  });

  it("shows a stored rule as saved, lets its names be removed, and keeps a viewer from changing it", async () => {
    const user = userEvent.setup();
    const rule = { eventNames: ["page_view", "checkout_start"], conditions: [] };
    renderIn(
      <RuleEditor workspaceId="ws" facets={facets} countMatches={count} rule={rule} onSave={async () => undefined} />,
    );
    expect(screen.getByTestId("save-rule").textContent).toBe("Saved");
    await user.click(screen.getByRole("button", { name: "Remove checkout_start" }));
    expect(screen.getAllByTestId("event-name-chip").map((c) => c.textContent)).toEqual(["page_view×"]);
    expect(screen.getByTestId("save-rule").textContent).toBe("Save rule");
    cleanup();
    renderIn(
      <RuleEditor
        workspaceId="ws"
        facets={facets}
        countMatches={count}
        rule={rule}
        readOnly
        onSave={async () => undefined}
      />,
    );
    expect(screen.queryByTestId("event-name-input")).toBeNull();
    expect(screen.queryByTestId("save-rule")).toBeNull();
    expect((screen.getByTestId("rule-pattern") as HTMLInputElement).disabled).toBe(true);
    await waitFor(() => expect(matchesText().dataset.events).toBe("60"));
  });

  it("is labelled in Persian, right to left", () => {
    renderIn(<RuleEditor workspaceId="ws" facets={facets} countMatches={count} onSave={async () => undefined} />, "fa");
    expect(screen.getByText("نام رویدادها")).toBeTruthy();
    expect(matchesText().textContent).toBe("دست‌کم یک نام رویداد یا یک الگو بدهید.");
  });
});
