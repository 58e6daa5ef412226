import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { compareVersions } from "../comparison/compareVersions.js";
import { applyMapOperations } from "./applyMapOperations.js";
import { docToSnapshot } from "./mapSnapshot.js";
import { replaceDocContent } from "./replaceDocContent.js";
import { buildTestMap } from "./testMap.js";

/** The map as it was at a version: a separate doc from the encoded state, as the server keeps it. */
const versionOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe("restoring a map's content to an earlier version", () => {
  it("brings back deleted steps and cards, undoes renames and drops what was added since", () => {
    const { doc } = buildTestMap();
    applyMapOperations(doc, [
      { op: "addCard", id: "c1", laneId: "actions", stepId: "ad", card: { kind: "action", text: "Clicks" } },
      { op: "setEmotion", personaId: "p1", stepId: "ad", value: 1 },
    ]);
    const version = versionOf(doc);
    const before = docToSnapshot(doc);
    applyMapOperations(doc, [
      { op: "updateStep", stepId: "cart", name: "Basket" },
      { op: "deleteStep", stepId: "pay" },
      { op: "removeCard", cardId: "c1" },
      { op: "addCard", laneId: "pains", stepId: "ad", card: { kind: "painPoint", text: "Slow", severity: 3 } },
      { op: "setEmotion", personaId: "p1", stepId: "ad", value: -2 },
      { op: "updateSettings", settings: { title: "Renamed" } },
    ]);
    replaceDocContent(doc, version);
    expect(docToSnapshot(doc)).toEqual(before);
  });

  it("is one update that a colleague's copy of the map applies to reach the same content", () => {
    const { doc } = buildTestMap();
    const version = versionOf(doc);
    applyMapOperations(doc, [{ op: "deleteLane", laneId: "pains" }]);
    const colleague = versionOf(doc);
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    replaceDocContent(doc, version);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(colleague, updates[0]!);
    expect(docToSnapshot(colleague)).toEqual(docToSnapshot(version));
  });

  it("changes nothing when the map already matches the version", () => {
    const { doc } = buildTestMap();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    replaceDocContent(doc, versionOf(doc));
    expect(updates).toEqual([]);
  });
});

describe("comparing two versions of one map", () => {
  it("sees a renamed step as changed, since versions share their ids", () => {
    const { doc } = buildTestMap();
    const older = docToSnapshot(doc);
    applyMapOperations(doc, [{ op: "updateStep", stepId: "cart", name: "Basket" }]);
    const comparison = compareVersions(older, docToSnapshot(doc));
    expect(comparison.summary).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(comparison.steps.find((s) => s.status === "changed")?.right?.name).toBe("Basket");
  });
});
