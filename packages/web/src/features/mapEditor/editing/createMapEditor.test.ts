import { applyMapOperations, cloneDoc, docToSnapshot, MapOperationSchema, type MapOperationInput } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { createMapEditor } from "./createMapEditor.js";
import type { EditRefusal } from "./MapEditor.js";

function setup(readOnly = false) {
  const doc = buildTestMapDoc();
  const view = createLiveMapView(doc);
  const refusals: EditRefusal[] = [];
  const editor = createMapEditor(doc, view, { readOnly, onRefused: (r) => refusals.push(r) });
  return { doc, view, editor, refusals };
}

/** Two editors on two replicas of one map, connected the way the collaboration server connects them. */
function pair() {
  const a = setup();
  const docB = new Y.Doc();
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc));
  a.doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(docB, u, "remote"));
  docB.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a.doc, u, "remote"));
  const viewB = createLiveMapView(docB);
  const editorB = createMapEditor(docB, viewB, { readOnly: false, onRefused: () => {} });
  return { a, b: { doc: docB, view: viewB, editor: editorB } };
}

const text = (view: ReturnType<typeof createLiveMapView>, lane: string, step: string) =>
  view.getCell(lane, step).map((c) => ("text" in c ? c.text : c.kind));

describe("map editor", () => {
  it("applies a batch as one undoable step, and redoes it", () => {
    const { view, editor } = setup();
    expect(editor.getHistory()).toEqual({ canUndo: false, canRedo: false });
    expect(
      editor.apply([
        { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "Picks a size" } },
        { op: "updateStage", stageId: "buy", name: "Buy" },
      ]),
    ).toBe(true);
    expect(text(view, "actions", "cart")).toEqual(["Picks a size"]);
    expect(editor.getHistory().canUndo).toBe(true);
    editor.undo();
    expect(text(view, "actions", "cart")).toEqual([]);
    expect(view.getStructure().stages[1]!.name).toBe("Purchase");
    expect(editor.getHistory()).toEqual({ canUndo: false, canRedo: true });
    editor.redo();
    expect(text(view, "actions", "cart")).toEqual(["Picks a size"]);
    expect(view.getStructure().stages[1]!.name).toBe("Buy");
  });

  it("refuses a batch with one bad operation and changes nothing", () => {
    const { doc, editor, refusals } = setup();
    const before = JSON.stringify(docToSnapshot(doc));
    const ok = editor.apply([
      { op: "addCard", laneId: "actions", stepId: "cart", card: { kind: "action", text: "fine" } },
      {
        op: "addCard",
        laneId: "actions",
        stepId: "cart",
        card: { kind: "painPoint", text: "wrong lane", severity: 2 },
      },
    ]);
    expect(ok).toBe(false);
    expect(refusals[0]).toMatchObject({ code: "invalid" });
    expect(refusals[0]!.detail).toContain("operations[1]");
    expect(JSON.stringify(docToSnapshot(doc))).toBe(before);
    expect(editor.getHistory().canUndo).toBe(false);
  });

  it("refuses malformed input with the field named, an emotion off the scale, and any edit when read-only", () => {
    const { editor, refusals } = setup();
    expect(editor.apply([{ op: "updateStage", stageId: "buy", name: "x".repeat(201) }])).toBe(false);
    expect(refusals.at(-1)!.detail).toMatch(/^operations\[0\]\.name/);
    expect(editor.apply([{ op: "setEmotion", personaId: "p1", stepId: "ad", value: 7 }])).toBe(false);
    expect(refusals.at(-1)!.code).toBe("out_of_range");
    const viewer = setup(true);
    expect(viewer.editor.apply([{ op: "updateStage", stageId: "buy", name: "Buy" }])).toBe(false);
    expect(viewer.refusals).toEqual([{ code: "read_only", detail: "" }]);
    expect(viewer.view.getStructure().stages[1]!.name).toBe("Purchase");
  });

  it("undoes only this user's edits, never a collaborator's", () => {
    const { a, b } = pair();
    a.editor.apply([{ op: "updateCard", cardId: "c1", fields: { text: "Mine" } }]);
    b.editor.apply([{ op: "updateStage", stageId: "aware", name: "Theirs" }]);
    expect(a.view.getStructure().stages[0]!.name).toBe("Theirs");
    a.editor.undo();
    expect(text(a.view, "actions", "ad")).toEqual(["Clicks the ad"]);
    expect(a.view.getStructure().stages[0]!.name).toBe("Theirs");
    expect(text(b.view, "actions", "ad")).toEqual(["Clicks the ad"]);
    expect(b.editor.getHistory().canUndo).toBe(true);
  });

  it("merges quick typing in one card into one undo step, but keeps different edits apart", () => {
    const { view, editor } = setup();
    for (const t of ["C", "Cl", "Cli", "Clic"]) editor.apply([{ op: "updateCard", cardId: "c1", fields: { text: t } }]);
    editor.apply([{ op: "updateStage", stageId: "aware", name: "Seen" }]);
    editor.undo();
    expect(text(view, "actions", "ad")).toEqual(["Clic"]);
    editor.undo();
    expect(text(view, "actions", "ad")).toEqual(["Clicks the ad"]);
  });

  it("brings back a deleted stage with its steps and cards on undo", () => {
    const { view, editor } = setup();
    editor.apply([{ op: "deleteStage", stageId: "aware" }]);
    expect(view.getStructure().stages.map((s) => s.id)).toEqual(["buy"]);
    editor.undo();
    expect(view.getStructure().stages.map((s) => s.id)).toEqual(["aware", "buy"]);
    expect(text(view, "actions", "ad")).toEqual(["Clicks the ad"]);
  });

  it("accepts and refuses exactly the batches core's own all-or-nothing check accepts and refuses", () => {
    const batches: MapOperationInput[][] = [
      [{ op: "updateCard", cardId: "c1", fields: { text: "ok" } }],
      [{ op: "updateCard", cardId: "c1", fields: { kind: "text" } }],
      [{ op: "updateCard", cardId: "nope", fields: { text: "x" } }],
      [{ op: "moveCard", cardId: "c1", laneId: "pains" }],
      [{ op: "moveCard", cardId: "c1", stepId: "pay", position: { after: "c1" } }],
      [
        { op: "addCard", id: "n1", laneId: "front", stepId: "ad", card: { kind: "process", text: "Greets" } },
        { op: "updateCard", cardId: "n1", fields: { failurePoint: true } },
      ],
      [{ op: "addCard", laneId: "feel", stepId: "ad", card: { kind: "text", text: "x" } }],
      [{ op: "addStep", stageId: "gone", name: "x" }],
      [
        { op: "addStage", id: "s9", name: "New" },
        { op: "addStep", stageId: "s9", name: "First" },
      ],
      [{ op: "moveStage", stageId: "buy", position: { before: "aware" } }],
      [{ op: "moveLane", laneId: "pains", position: { after: "ghost" } }],
      [{ op: "setEmotion", personaId: "p1", stepId: "ad", value: -2 }],
      [{ op: "setEmotion", personaId: "p1", stepId: "ad", value: 2.5 }],
      [{ op: "clearEmotion", personaId: "p1", stepId: "ad" }],
      [
        { op: "updateSettings", settings: { emotionScale: { min: -3, max: 3 } } },
        { op: "setEmotion", personaId: "p1", stepId: "ad", value: 3 },
      ],
      [{ op: "updateSettings", settings: { title: "   " } }],
      [
        { op: "deleteLane", laneId: "actions" },
        { op: "updateCard", cardId: "c1", fields: { text: "gone" } },
      ],
      [
        { op: "clearCell", laneId: "actions", stepId: "ad" },
        { op: "removeCard", cardId: "c1" },
      ],
    ];
    for (const batch of batches) {
      const { doc, editor } = setup();
      const reference = cloneDoc(doc);
      let coreAccepts = true;
      try {
        applyMapOperations(
          reference,
          batch.map((o) => MapOperationSchema.parse(o)),
        );
      } catch {
        coreAccepts = false;
      }
      expect([JSON.stringify(batch), editor.apply(batch)]).toEqual([JSON.stringify(batch), coreAccepts]);
    }
  });
});

describe("map editor gestures", () => {
  it("keeps a drag apart from the nudge that follows it in the undo history", () => {
    const { view, editor } = setup();
    editor.stopCapturing();
    for (const value of [0, 0.5, 1]) editor.apply([{ op: "setEmotion", personaId: "p1", stepId: "ad", value }]);
    editor.stopCapturing();
    editor.apply([{ op: "setEmotion", personaId: "p1", stepId: "ad", value: 0.5 }]);
    editor.undo();
    expect(view.getEmotions().get("p1")?.get("ad")?.value).toBe(1);
    editor.undo();
    expect(view.getEmotions().get("p1")?.get("ad")).toBeUndefined();
  });
});
