import { describe, expect, it } from "vitest";
import { mapStatePreload } from "./mapStatePreload.js";

describe("the map a page preloads", () => {
  it("is the map of an editor's page, by its workspace and id", () => {
    expect(mapStatePreload("/w/ws_A-1/maps/map_b2")).toBe("/api/workspaces/ws_A-1/maps/map_b2/state");
    expect(mapStatePreload("/w/ws_A-1/maps/map_b2/")).toBe("/api/workspaces/ws_A-1/maps/map_b2/state");
    expect(mapStatePreload("/w/ws%5F1/maps/map%5F2")).toBe("/api/workspaces/ws_1/maps/map_2/state");
  });

  it("is nothing on other pages, or when a part of the path is not an id", () => {
    for (const path of [
      "/",
      "/w/ws_1",
      "/w/ws_1/maps",
      "/w/ws_1/maps/map_2/paths",
      "/share/abc",
      "/w/ws_1/maps/a%22b",
      "/w/ws%3Cx/maps/map_2",
      "/w/ws_1/maps/%E0%A4%A",
      `/w/ws_1/maps/${"m".repeat(65)}`,
    ])
      expect([path, mapStatePreload(path)]).toEqual([path, undefined]);
  });
});
