import { describe, expect, it } from "vitest";
import { apiPreloads } from "./apiPreloads.js";

describe("what a page preloads from the API", () => {
  it("is the session, and on an editor's page the map and the lists it opens with", () => {
    const editor = [
      "/api/auth/session",
      "/api/workspaces/ws_A-1/maps/map_b2/state",
      "/api/workspaces/ws_A-1/maps",
      "/api/workspaces/ws_A-1/personas",
      "/api/workspaces/ws_A-1/touchpoints",
      "/api/workspaces/ws_A-1/channels",
    ];
    expect(apiPreloads("/w/ws_A-1/maps/map_b2")).toEqual(editor);
    expect(apiPreloads("/w/ws_A-1/maps/map_b2/")).toEqual(editor);
    expect(apiPreloads("/w/ws%5FA-1/maps/map%5Fb2")).toEqual(editor);
    for (const path of ["/", "/signin", "/w/ws_1", "/w/ws_1/maps", "/w/ws_1/maps/map_2/paths"])
      expect([path, apiPreloads(path)]).toEqual([path, ["/api/auth/session"]]);
  });

  it("is nothing on shared pages, and no map when a part of the path is not an id", () => {
    for (const path of ["/share/abc", "/embed/abc", "/print/abc"])
      expect([path, apiPreloads(path)]).toEqual([path, []]);
    for (const path of [
      "/w/ws_1/maps/a%22b",
      "/w/ws%3Cx/maps/map_2",
      "/w/ws_1/maps/%E0%A4%A",
      `/w/ws_1/maps/${"m".repeat(65)}`,
    ])
      expect([path, apiPreloads(path)]).toEqual([path, ["/api/auth/session"]]);
  });
});
