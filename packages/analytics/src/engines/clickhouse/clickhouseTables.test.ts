import { describe, expect, it } from "vitest";
import { clickHouseTables } from "./clickhouseTables.js";
import type { ClickHouseEvents } from "./connectClickHouse.js";

const ch = { config: { database: "opencjm", cluster: "c", urls: [] }, shards: [] } as unknown as ClickHouseEvents;

describe("a workspace's ClickHouse tables", () => {
  it("are named so that no two workspace ids share them, whatever characters the ids hold", () => {
    const ids = ["a-b", "a_b", "a b", "a.b", "ab", "a_2d", "a;DROP TABLE x", "客户"];
    const names = ids.map((id) => clickHouseTables(ch, id).local);
    expect(new Set(names).size).toBe(ids.length);
    for (const name of names) expect(name).toMatch(/^opencjm\.ws_[A-Za-z0-9_]+_events_v2_local$/);
    expect(clickHouseTables(ch, "ws1").distributed).toBe("opencjm.ws_ws1_events_v2");
  });
});
