import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestWorkspace, type TestWorkspace } from "../../importers/testing/testWorkspace.js";
import { insertEvents, type TestEvent } from "../../metrics/testing/insertEvents.js";
import { getDataFacets } from "./getDataFacets.js";
import { getSegmentSize } from "./getSegmentSize.js";
import { getUnmatchedEvents } from "./getUnmatchedEvents.js";

// Ten customers: 0–5 in Germany (0–2 on the pro plan), 6–8 in Iran, customer 9 without any attributes.
const events: TestEvent[] = Array.from({ length: 10 }, (_, c) => [
  {
    customer: c,
    at: `2024-03-0${1 + (c % 9)}T10:00:00Z`,
    name: "page_view",
    channel: "web",
    properties: { page: "/", "utm/src": "ads" },
  },
  ...(c % 2 === 0
    ? [{ customer: c, at: `2024-03-0${1 + (c % 9)}T11:00:00Z`, name: "ticket_opened", channel: "phone" }]
    : []),
]).flat();
const attributes: Record<number, Record<string, string>> = Object.fromEntries(
  Array.from({ length: 9 }, (_, c): [number, Record<string, string>] => [
    c,
    c < 6 ? { country: "DE", plan: c < 3 ? "pro" : "free", "age/band": "30" } : { country: "IR" },
  ]),
);

describe("segment size and data facets", () => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    ws = await openTestWorkspace();
    await insertEvents(ws.db, events, attributes);
  });
  afterEach(() => ws.dispose());

  it("counts the customers a rule selects out of every customer with events", async () => {
    expect(
      await getSegmentSize(ws.db.connection, {
        match: "all",
        conditions: [{ attribute: "country", operator: "eq", value: "DE" }],
      }),
    ).toEqual({ customers: 6, total: 10, share: 0.6 });
    expect(
      await getSegmentSize(ws.db.connection, {
        match: "all",
        conditions: [
          { attribute: "country", operator: "eq", value: "DE" },
          { attribute: "plan", operator: "eq", value: "pro" },
        ],
      }),
    ).toEqual({ customers: 3, total: 10, share: 0.3 });
    expect(
      await getSegmentSize(ws.db.connection, {
        match: "any",
        conditions: [
          { attribute: "plan", operator: "eq", value: "pro" },
          { attribute: "country", operator: "eq", value: "IR" },
        ],
      }),
    ).toMatchObject({ customers: 6 });
    // A customer without attributes is judged on empty ones: "not Germany" includes customer 9.
    expect(
      await getSegmentSize(ws.db.connection, {
        match: "all",
        conditions: [{ attribute: "country", operator: "neq", value: "DE" }],
      }),
    ).toMatchObject({ customers: 4 });
    expect(
      await getSegmentSize(ws.db.connection, {
        match: "all",
        conditions: [{ attribute: "age/band", operator: "exists" }],
      }),
    ).toMatchObject({ customers: 6 });
    expect(await getSegmentSize(ws.db.connection, { match: "all", conditions: [] })).toMatchObject({
      customers: 10,
      share: 1,
    });
  });

  it("has no share on an empty event store", async () => {
    const empty = await openTestWorkspace();
    try {
      expect(await getSegmentSize(empty.db.connection, { match: "all", conditions: [] })).toEqual({
        customers: 0,
        total: 0,
        share: null,
      });
      expect(await getDataFacets(empty.db.connection)).toMatchObject({
        totalEvents: 0,
        totalCustomers: 0,
        channels: [],
        attributes: [],
        firstEventAt: null,
      });
    } finally {
      empty.dispose();
    }
  });

  it("lists channels, event names, properties and attributes with their most common values", async () => {
    const facets = await getDataFacets(ws.db.connection);
    expect(facets).toMatchObject({
      totalEvents: 15,
      totalCustomers: 10,
      firstEventAt: "2024-03-01T10:00:00Z",
      lastEventAt: "2024-03-09T11:00:00Z",
    });
    expect(facets.channels).toEqual([
      { channel: "web", events: 10, customers: 10 },
      { channel: "phone", events: 5, customers: 5 },
    ]);
    expect(facets.eventNames.map((e) => [e.eventName, e.events])).toEqual([
      ["page_view", 10],
      ["ticket_opened", 5],
    ]);
    expect(facets.properties.map((p) => p.name).sort()).toEqual(["page", "utm/src"]);
    const country = facets.attributes.find((a) => a.name === "country");
    expect(country).toEqual({
      name: "country",
      customers: 9,
      values: [
        { value: "DE", customers: 6 },
        { value: "IR", customers: 3 },
      ],
    });
    expect(facets.attributes.find((a) => a.name === "age/band")?.values).toEqual([{ value: "30", customers: 6 }]);
  });

  it("lists the events no touchpoint rule takes, most frequent first", async () => {
    expect(await getUnmatchedEvents(ws.db.connection, [])).toEqual({
      events: 15,
      customers: 10,
      distinct: 2,
      items: [
        { eventName: "page_view", channel: "web", events: 10, customers: 10 },
        { eventName: "ticket_opened", channel: "phone", events: 5, customers: 5 },
      ],
    });
    const left = await getUnmatchedEvents(ws.db.connection, [
      { eventNames: [], pattern: "page_*", conditions: [] },
      { eventNames: ["ticket_opened"], channel: "email", conditions: [] },
    ]);
    expect(left).toEqual({
      events: 5,
      customers: 5,
      distinct: 1,
      items: [{ eventName: "ticket_opened", channel: "phone", events: 5, customers: 5 }],
    });
    expect(
      (await getUnmatchedEvents(ws.db.connection, [{ eventNames: ["page_view", "ticket_opened"], conditions: [] }]))
        .items,
    ).toEqual([]);
  });
});
