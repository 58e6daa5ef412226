import { describe, expect, it } from "vitest";
import { demoExportInput } from "../mapExport/exportFixtures.js";
import { toMapExport } from "../mapExport/mapJsonFormat.js";
import { parseMapJson } from "./parseMapJson.js";

describe("JSON export and import", () => {
  it("round-trips losslessly: ids, order, every card field, personas and touchpoints", () => {
    const input = demoExportInput();
    const json = JSON.parse(
      JSON.stringify(
        toMapExport(
          { id: "m", title: "t", type: "currentState", status: "draft" },
          input.snapshot,
          input.personas,
          input.touchpoints,
        ),
      ),
    );
    const draft = parseMapJson(json);
    expect(draft.snapshot).toEqual(input.snapshot);
    expect(draft.personas.map((p) => ({ ...p.fields, id: p.oldId }))).toEqual(
      input.personas.map(({ createdAt: _c, updatedAt: _u, ...p }) => p),
    );
    expect(draft.touchpoints.map((t) => ({ ...t.fields, id: t.oldId }))).toEqual(input.touchpoints);
    expect(draft.report).toEqual({ fromVersion: "2", dropped: [], notes: [] });
  });

  it("reports unknown fields instead of failing, and names the path of a wrong one", () => {
    const input = demoExportInput();
    const json = JSON.parse(
      JSON.stringify(
        toMapExport({ id: "m", title: "t", type: "currentState", status: "draft" }, input.snapshot, [], []),
      ),
    );
    json.snapshot.stages[0].mood = "sunny";
    expect(parseMapJson(json).report.dropped).toEqual([
      expect.objectContaining({
        path: "snapshot.stages[0].mood",
        reason: "not part of a map of this version",
        texts: ["sunny"],
      }),
    ]);
    json.snapshot.steps[0].stageId = "ghost";
    expect(() => parseMapJson(json)).toThrow('snapshot.steps[0].stageId: unknown stage "ghost"');
  });
});
