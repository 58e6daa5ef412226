import { IdeaEvidenceSchema } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";
import { openShop } from "../kpis/kpiShopFixture.js";

describe.each(testDialects)("The evidence behind an idea on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;

  beforeEach(async () => {
    ({ t, ws, mapId } = await openShop(dialect));
  });
  afterEach(() => t.dispose());

  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}${path}`, { headers: ws.users.editor.headers, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };

  it("counts the research highlights on the idea and its steps, with their participants and notes", async () => {
    // The idea is anchored to "Compares prices" and changes "Buys".
    const idea = await post("/ideas", {
      title: "Show prices on the ad",
      anchors: [{ mapId, stepId: "p_pricing" }],
      steps: [{ mapId, stepId: "p_buy" }],
    });
    const study = await post("/research/studies", { title: "Shop interviews", method: "interview", mapIds: [mapId] });
    const p1 = await post("/research/participants", { studyId: study.id, code: "P01" });
    const p2 = await post("/research/participants", { studyId: study.id, code: "P02" });
    const text = "The prices were hidden.";
    const note = (participantId: string | null) => post("/research/notes", { studyId: study.id, participantId, text });
    const [n1, n2, n3, n4] = [await note(p1.id), await note(p2.id), await note(p2.id), await note(null)];
    const highlight = (noteId: string, anchors: unknown[]) =>
      post("/research/highlights", { noteId, start: 0, end: text.length, anchors });
    await highlight(n1!.id, [{ kind: "step", mapId, stepId: "p_pricing" }]);
    await highlight(n2!.id, [{ kind: "touchpoint", mapId, cardId: "c2" }]); // the card sits at "Compares prices"
    await highlight(n3!.id, [{ kind: "step", mapId, stepId: "p_buy" }]);
    await highlight(n4!.id, [{ kind: "idea", ideaId: idea.id }]);
    // Both anchors lead to "Compares prices": one highlight there.
    await highlight(n1!.id, [
      { kind: "step", mapId, stepId: "p_pricing" },
      { kind: "touchpoint", mapId, cardId: "c2" },
    ]);
    await highlight(n4!.id, [{ kind: "stage", mapId, stageId: "s_buy" }]); // its first step is "Buys"
    // Not the idea's: the awareness stage begins at "Sees an ad".
    await highlight(n1!.id, [{ kind: "stage", mapId, stageId: "s_aware" }]);

    const res = await t.request("GET", `/api/workspaces/${ws.id}/ideas/${idea.id}/evidence`, {
      headers: ws.users.viewer.headers,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const evidence = IdeaEvidenceSchema.parse(res.body);
    expect(evidence.research).toEqual({ highlights: 6, participants: 2, notes: 4, onIdea: 1 });
    const at = (stepId: string) => evidence.steps.find((s) => s.stepId === stepId);
    expect(at("p_pricing")).toMatchObject({ highlights: 3, highlightParticipants: 2, highlightNotes: 2 });
    expect(at("p_buy")).toMatchObject({ highlights: 2, highlightParticipants: 1, highlightNotes: 2 });
    // The customers' data is still there beside it.
    expect(at("p_pricing")!.customers).toBeGreaterThan(0);
  });

  it("counts the highlights on an idea linked to no step", async () => {
    const idea = await post("/ideas", { title: "On its own" });
    const study = await post("/research/studies", { title: "Diary", method: "diary", mapIds: [] });
    const n = await post("/research/notes", { studyId: study.id, participantId: null, text: "Too slow." });
    await post("/research/highlights", {
      noteId: n.id,
      start: 0,
      end: 9,
      anchors: [{ kind: "idea", ideaId: idea.id }],
    });
    const res = await t.request("GET", `/api/workspaces/${ws.id}/ideas/${idea.id}/evidence`, {
      headers: ws.users.viewer.headers,
    });
    expect(res.body).toMatchObject({ steps: [], research: { highlights: 1, participants: 0, notes: 1, onIdea: 1 } });
  });
});
