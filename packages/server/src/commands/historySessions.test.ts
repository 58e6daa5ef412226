import type { MapVersion } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { groupVersionsIntoSessions } from "./historySessions.js";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
const version = (id: string, minute: number, authors: Array<[string, number]> = []): MapVersion => ({
  id,
  mapId: "map_1",
  kind: "auto",
  name: null,
  createdAt: at(minute),
  createdBy: null,
  authors: authors.map(([userId, first]) => ({ userId, name: userId, firstEditAt: at(first), lastEditAt: at(minute) })),
  restoredFrom: null,
});

describe("grouping a map's history into editing sessions", () => {
  it("keeps versions of one sitting together and starts a new session after a long break", () => {
    const sessions = groupVersionsIntoSessions([
      version("v4", 200, [["ana", 195]]),
      version("v3", 190, [["ben", 180]]),
      version("v2", 20, [["ana", 10]]),
      version("v1", 0),
    ]);
    expect(sessions.map((s) => s.versions.map((v) => v.id))).toEqual([
      ["v4", "v3"],
      ["v2", "v1"],
    ]);
    expect(sessions[0]!.authors.map((a) => a.userId)).toEqual(["ana", "ben"]);
    expect(sessions[0]!.startedAt).toBe(at(180));
    expect(sessions[0]!.endedAt).toBe(at(200));
  });

  it("gives an empty history no sessions", () => {
    expect(groupVersionsIntoSessions([])).toEqual([]);
  });
});
