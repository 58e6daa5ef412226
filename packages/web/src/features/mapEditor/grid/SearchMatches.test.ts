import { applyMapOperations, MapOperationSchema, type Channel, type Touchpoint } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { SearchMatches } from "./SearchMatches.js";

const catalogue = {
  touchpoints: new Map([["tp1", { id: "tp1", name: "Pricing page", channelId: "web" } as Touchpoint]]),
  channels: new Map([["web", { id: "web", name: "Website" } as Channel]]),
  personas: new Map(),
};

describe("map search", () => {
  it("finds cells by any text of their cards, touchpoint names included, case-insensitively and in reading order", () => {
    const doc = buildTestMapDoc();
    applyMapOperations(
      doc,
      [
        { op: "addLane", id: "tps", type: "touchpoints", name: "Touchpoints", position: { before: "actions" } },
        { op: "addCard", laneId: "tps", stepId: "pay", card: { kind: "touchpoint", touchpointId: "tp1" } },
        {
          op: "addCard",
          laneId: "pains",
          stepId: "cart",
          card: { kind: "painPoint", text: "Hidden fees", severity: 4, whys: ["Pricing unclear"] },
        },
        { op: "addCard", laneId: "actions", stepId: "pay", card: { kind: "action", text: "Enters card details" } },
      ].map((o) => MapOperationSchema.parse(o)),
    );
    const view = createLiveMapView(doc);
    const search = new SearchMatches();
    const woken: string[] = [];
    search.subscribe("pains:cart", () => woken.push("pains:cart"));
    const order = (key: string) =>
      ["tps", "actions", "pains"].indexOf(key.split(":")[0]!) * 10 + ["ad", "cart", "pay"].indexOf(key.split(":")[1]!);
    search.update("PRICING", view, catalogue, order);
    expect(search.keys).toEqual(["tps:pay", "pains:cart"]);
    expect(woken).toEqual(["pains:cart"]);
    search.update("card details", view, catalogue, order);
    expect(search.keys).toEqual(["actions:pay"]);
    expect(search.has("pains:cart")).toBe(false);
    search.update("   ", view, catalogue, order);
    expect(search.keys).toEqual([]);
  });
});
