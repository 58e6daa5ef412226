import {
  applyMapOperations,
  buildMapFromTemplate,
  HighlightSchema,
  MapJourneysSchema,
  MapResearchQuotePageSchema,
  ParticipantJourneySchema,
  MapResearchSchema,
  MapResearchSummarySchema,
  type MapOperation,
  type MapResearchQuote,
} from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const bucket = (s: number) => (s < -0.05 ? "negative" : s > 0.05 ? "positive" : "neutral");

describe.each(testDialects)("a map's research loaded as counts and pages on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let steps: string[];
  let stageId: string;
  let painPointId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    mapId = map.id;
    const snapshot = await t.services.maps.readSnapshot(mapId);
    steps = snapshot.steps.map((s) => s.id);
    stageId = snapshot.steps[0]!.stageId;
    const painLaneId = snapshot.lanes.find((l) => l.type === "painPoints")!.id;
    const [pain] = await edit([
      { op: "addCard", laneId: painLaneId, stepId: steps[1]!, card: { kind: "painPoint", text: "Fees", severity: 3 } },
    ]);
    painPointId = pain!.id!;
  });
  afterEach(() => t.dispose());

  const edit = async (operations: MapOperation[]) =>
    (await t.services.maps.edit(mapId, (doc) => applyMapOperations(doc, operations), "test")).result;
  const R = () => `/api/workspaces/${ws.id}/research`;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await t.request("POST", `${R()}${path}`, { headers: ws.users.editor.headers, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const get = async (path: string) => {
    const res = await t.request("GET", `${R()}${path}`, { headers: ws.users.viewer.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  /** Highlights of two participants and one without, on steps, a stage, a card, and a deleted step. */
  async function fillResearch(): Promise<string[]> {
    const s = await post("/studies", { title: "Checkout interviews", method: "interview", mapIds: [mapId] });
    const p1 = await post("/participants", { studyId: s.id, code: "P01" });
    const p2 = await post("/participants", { studyId: s.id, code: "P02" });
    const text = "Great prices. The fees were awful. It was fine. I loved the tracking. Support never answered.";
    const notes = [await post("/notes", { studyId: s.id, participantId: p1.id, text })];
    notes.push(await post("/notes", { studyId: s.id, participantId: p2.id, text }));
    notes.push(await post("/notes", { studyId: s.id, participantId: null, text }));
    const sentences = text.split(/(?<=\.) /);
    const anchorsOf = (i: number) =>
      [
        [{ kind: "step", mapId, stepId: steps[1] }],
        // Step and card at the same step: one highlight, counted once there.
        [
          { kind: "step", mapId, stepId: steps[1] },
          { kind: "painPoint", mapId, cardId: painPointId },
        ],
        [{ kind: "stage", mapId, stageId }],
        [{ kind: "painPoint", mapId, cardId: painPointId }],
        [{ kind: "step", mapId, stepId: steps[2] }],
      ][i % 5];
    let i = 0;
    for (const note of notes)
      for (const sentence of sentences) {
        const start = text.indexOf(sentence);
        const sentiment = [0.6, -0.7, 0, 0.3, -0.2][i % 5];
        const created = HighlightSchema.parse(
          await post("/highlights", { noteId: note.id, start, end: start + sentence.length, anchors: anchorsOf(i) }),
        );
        await t.request("PATCH", `${R()}/highlights/${created.id}`, {
          headers: ws.users.editor.headers,
          body: { sentiment },
        });
        i++;
      }
    const lost = steps[3]!;
    const n = await post("/notes", { studyId: s.id, participantId: p1.id, text });
    await post("/highlights", { noteId: n.id, start: 0, end: 5, anchors: [{ kind: "step", mapId, stepId: lost }] });
    await edit([{ op: "deleteStep", stepId: lost }]);
    return [p1.id, p2.id];
  }

  it("counts per step what the full list of quotes holds: highlights, participants and sentiment", async () => {
    await fillResearch();
    const full = MapResearchSchema.parse(await get(`/maps/${mapId}`));
    const summary = MapResearchSummarySchema.parse(await get(`/maps/${mapId}/summary`));
    const byStep = new Map<string, MapResearchQuote[]>();
    for (const q of full.quotes) byStep.set(q.stepId, [...(byStep.get(q.stepId) ?? []), q]);
    expect(summary.steps.map((s) => s.stepId).sort()).toEqual([...byStep.keys()].sort());
    expect(byStep.size).toBe(3);
    for (const step of summary.steps) {
      const quotes = byStep.get(step.stepId)!;
      expect(step.highlights).toBe(quotes.length);
      expect(step.participants).toBe(new Set(quotes.flatMap((q) => (q.participantId ? [q.participantId] : []))).size);
      expect(step.sentiment).toEqual({
        positive: quotes.filter((q) => bucket(q.sentiment) === "positive").length,
        neutral: quotes.filter((q) => bucket(q.sentiment) === "neutral").length,
        negative: quotes.filter((q) => bucket(q.sentiment) === "negative").length,
      });
      expect(step.top.length).toBe(Math.min(3, quotes.length));
      for (const q of step.top) expect(quotes).toContainEqual(q);
    }
    expect(summary.cards).toEqual(
      full.cards.map((c) => ({ cardId: c.cardId, level: "research", highlights: c.highlightIds.length })),
    );
    expect(summary.anchors).toContainEqual({ kind: "stage", id: stageId, highlights: 3 });
  });

  it("drafts participants' journeys on the map from their highlights as each one's own journey shows them", async () => {
    const participants = await fillResearch();
    const map = MapJourneysSchema.parse(await get(`/maps/${mapId}/journeys`));
    expect(map.participants).toBe(2);
    const drafts = await Promise.all(
      participants.map(async (id) =>
        ParticipantJourneySchema.parse(await get(`/participants/${id}/journeys/${mapId}`)),
      ),
    );
    for (const step of map.steps) {
      const here = drafts.flatMap((d) => d.steps.filter((s) => s.stepId === step.stepId).map((s) => s.emotion));
      expect([step.stepId, step.participants, step.emotions]).toEqual([
        step.stepId,
        here.length,
        here.sort((a, b) => a - b),
      ]);
    }
    expect(map.steps.filter((s) => s.participants > 0).map((s) => s.stepId)).toEqual(steps.slice(0, 3));
  });

  it("pages through a step's quotes newest first, each exactly once, and refuses a made-up cursor", async () => {
    await fillResearch();
    const full = MapResearchSchema.parse(await get(`/maps/${mapId}`));
    const expected = full.quotes.filter((q) => q.stepId === steps[1]).map((q) => q.highlightId);
    expect(expected.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = after ? `?limit=2&after=${encodeURIComponent(after)}` : "?limit=2";
      const page = MapResearchQuotePageSchema.parse(await get(`/maps/${mapId}/steps/${steps[1]}/quotes${query}`));
      expect(page.quotes.length).toBeLessThanOrEqual(2);
      seen.push(...page.quotes.map((q) => q.highlightId));
      after = page.next;
      pages++;
    } while (after && pages < 20);
    expect(seen.sort()).toEqual([...expected].sort());
    expect(new Set(seen).size).toBe(seen.length);
    const summary = MapResearchSummarySchema.parse(await get(`/maps/${mapId}/summary`));
    const first = MapResearchQuotePageSchema.parse(await get(`/maps/${mapId}/steps/${steps[1]}/quotes?limit=3`));
    expect(summary.steps.find((s) => s.stepId === steps[1])!.top).toEqual(first.quotes);
    const forged = await t.request("GET", `${R()}/maps/${mapId}/steps/${steps[1]}/quotes?after=bm90IGEgY3Vyc29y`, {
      headers: ws.users.viewer.headers,
    });
    expect([forged.status, forged.body.error?.code]).toEqual([400, "invalid_request"]);
  });

  it("shows a map's research counts and quotes to members only", async () => {
    await fillResearch();
    for (const path of [`/maps/${mapId}/summary`, `/maps/${mapId}/steps/${steps[1]}/quotes`]) {
      const outsider = await t.request("GET", `${R()}${path}`, { headers: ws.outsider.headers });
      expect([403, 404]).toContain(outsider.status);
      expect(JSON.stringify(outsider.body)).not.toContain("fees");
      const anonymous = await t.request("GET", `${R()}${path}`, { headers: {} });
      expect(anonymous.status).toBe(401);
    }
    const unknownStep = await t.request("GET", `${R()}/maps/${mapId}/steps/step_missing/quotes`, {
      headers: ws.users.viewer.headers,
    });
    expect(unknownStep.status).toBe(404);
  });
});
