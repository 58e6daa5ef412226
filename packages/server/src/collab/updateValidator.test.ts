import { applyMapOperations, buildMapFromTemplate, docToSnapshot, snapshotToDoc } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { RefusedUpdate, releaseValidator, validatorFor } from "./updateValidator.js";

/** A live map and an editor's copy of it, whose edits come out as Yjs updates. */
function liveMapWithEditor() {
  const live = snapshotToDoc(buildMapFromTemplate("ecommerce", { locale: "en" }));
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(live));
  const snapshot = docToSnapshot(editor);
  const laneId = snapshot.lanes.find((l) => l.type === "actions")!.id;
  const stepId = snapshot.steps[0]!.id;
  /** The update of one edit on the editor's copy. */
  const edit = (change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(editor);
    change(editor);
    return Y.encodeStateAsUpdate(editor, before);
  };
  const addCard = (text: string) =>
    edit((doc) => applyMapOperations(doc, [{ op: "addCard", laneId, stepId, card: { kind: "action", text } }]));
  return { live, editor, addCard };
}

const cardTexts = (doc: Y.Doc) =>
  docToSnapshot(doc).cells.flatMap((c) => c.cards.map((k) => ("text" in k ? k.text : "")));

describe("the update validator's shadow of a live map", () => {
  it("takes an editor's checked update once: the live map applying it does not apply it to the shadow again", () => {
    const { live, addCard } = liveMapWithEditor();
    const connection = {};
    const validator = validatorFor(live);
    const update = addCard("checked once");
    validator.check(update, connection);
    let shadowTransactions = 0;
    validator.scratch().on("afterTransaction", () => shadowTransactions++);
    Y.applyUpdate(live, update, connection);
    expect(shadowTransactions).toBe(0);
    expect(cardTexts(validator.scratch())).toContain("checked once");
    releaseValidator(live);
  });

  it("still follows what reaches the live map by other routes", () => {
    const { live, addCard } = liveMapWithEditor();
    const connection = {};
    const validator = validatorFor(live);
    const checked = addCard("checked");
    validator.check(checked, connection);
    Y.applyUpdate(live, checked, connection);
    // An API edit, or an update from another instance: never checked here.
    Y.applyUpdate(live, addCard("from elsewhere"), "api");
    expect(cardTexts(validator.scratch())).toContain("from elsewhere");
    releaseValidator(live);
  });

  it("keeps in step when the shadow is rebuilt between an update's check and the live map applying it", () => {
    const { live, addCard } = liveMapWithEditor();
    const connection = {};
    const validator = validatorFor(live);
    const first = addCard("checked on the old shadow");
    validator.check(first, connection);
    // The next update of that editor is lost on the way, so the one after it builds on content the map lacks: it is
    // refused, and the shadow is started afresh from the live map, which does not have `first` yet (its commit is
    // still running).
    addCard("lost on the way");
    expect(() => validator.check(addCard("builds on the lost one"), {})).toThrow(RefusedUpdate);
    expect(cardTexts(validator.scratch())).not.toContain("checked on the old shadow");
    Y.applyUpdate(live, first, connection);
    expect(cardTexts(validator.scratch())).toContain("checked on the old shadow");
    releaseValidator(live);
  });
});
