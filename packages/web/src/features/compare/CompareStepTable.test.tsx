// @vitest-environment jsdom
import {
  applyMapOperations,
  compareMaps,
  createMapDocument,
  deriveFutureState,
  docToSnapshot,
  MapOperationSchema,
  MapSettingsSchema,
  snapshotToDoc,
  type MapOperationInput,
  type MapSnapshot,
} from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { CompareStepTable } from "./CompareStepTable.js";

function current(): MapSnapshot {
  const doc = createMapDocument(MapSettingsSchema.parse({ title: "Checkout", type: "currentState" }));
  const ops: MapOperationInput[] = [
    { op: "addStage", id: "buy", name: "Purchase" },
    { op: "addStep", id: "cart", stageId: "buy", name: "Fills the cart" },
    { op: "addStep", id: "pay", stageId: "buy", name: "Pays" },
    { op: "addLane", id: "pains", type: "painPoints", name: "Pain points" },
    { op: "setEmotion", personaId: "per_ana", stepId: "pay", value: -2 },
  ];
  applyMapOperations(
    doc,
    ops.map((o) => MapOperationSchema.parse(o)),
  );
  return docToSnapshot(doc);
}

function future(source: MapSnapshot): MapSnapshot {
  const copy = deriveFutureState(source, { sourceMapId: "m1" });
  const doc = snapshotToDoc(copy, new Y.Doc());
  const pay = copy.steps.find((s) => s.name === "Pays")!.id;
  const ops: MapOperationInput[] = [
    { op: "updateStep", stepId: pay, name: "Pays in one tap" },
    { op: "setEmotion", personaId: "per_ana", stepId: pay, value: 1.5 },
    {
      op: "addCard",
      laneId: copy.lanes[0]!.id,
      stepId: pay,
      card: { kind: "painPoint", text: "<b>Wallet</b> only", severity: 2 },
    },
  ];
  applyMapOperations(
    doc,
    ops.map((o) => MapOperationSchema.parse(o)),
  );
  return docToSnapshot(doc);
}

afterEach(cleanup);

describe("CompareStepTable", () => {
  it("marks each row with its status, lists card changes as text and shows the emotion delta per persona", () => {
    const left = current();
    renderWithI18n(
      <CompareStepTable
        comparison={compareMaps(left, future(left))}
        personaNames={new Map([["per_ana", "Ana"]])}
        leftTitle="Checkout"
        rightTitle="Checkout 2027"
      />,
    );
    const rows = screen.getAllByTestId("compare-row");
    expect(rows.map((r) => r.dataset.status)).toEqual(["unchanged", "changed"]);
    const changed = within(rows[1]!);
    expect(changed.getByText("renamed")).toBeTruthy();
    expect(changed.getByText("+ <b>Wallet</b> only [2/5]")).toBeTruthy();
    expect(document.querySelector("tbody b")).toBeNull();
    expect(changed.getByTestId("emotion-delta").textContent).toBe("Ana ▲ +3.5");
    expect(screen.getByRole("columnheader", { name: "Checkout 2027" })).toBeTruthy();
  });

  it("writes numbers in Persian digits in Persian", () => {
    const left = current();
    renderWithI18n(
      <CompareStepTable
        comparison={compareMaps(left, future(left))}
        personaNames={new Map()}
        leftTitle="a"
        rightTitle="b"
      />,
      "fa",
    );
    expect(screen.getByTestId("emotion-delta").textContent).toContain("+۳٫۵");
  });
});
