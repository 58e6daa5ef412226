import {
  applyMapOperations,
  buildMapFromTemplate,
  ErasureReportSchema,
  HighlightSchema,
  MapResearchSchema,
  ResearchSearchResultSchema,
  type Highlight,
  type MapOperation,
} from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("research repository on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let stepId: string;
  let otherStepId: string;
  let painPointId: string;
  let quoteLaneId: string;
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
    stepId = snapshot.steps[1]!.id;
    otherStepId = snapshot.steps[2]!.id;
    quoteLaneId = snapshot.lanes.find((l) => l.type === "quotes")!.id;
    const painLaneId = snapshot.lanes.find((l) => l.type === "painPoints")!.id;
    const [pain] = await edit([
      {
        op: "addCard",
        laneId: painLaneId,
        stepId,
        card: { kind: "painPoint", text: "Costs appear late", severity: 4 },
      },
    ]);
    painPointId = pain!.id!;
  });
  afterEach(() => t.dispose());

  const edit = async (operations: MapOperation[]) =>
    (await t.services.maps.edit(mapId, (doc) => applyMapOperations(doc, operations), "test")).result;
  const R = () => `/api/workspaces/${ws.id}/research`;
  const as = (role: "owner" | "editor" | "commenter" | "viewer" = "editor") => ({ headers: ws.users[role].headers });
  const post = async (path: string, body: Record<string, unknown>, expected = 201) => {
    const res = await t.request("POST", `${R()}${path}`, { ...as(), body });
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    return res.body as Record<string, unknown> & { id: string };
  };
  const get = async (path: string) => {
    const res = await t.request("GET", `${R()}${path}`, as("viewer"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const study = (body: Record<string, unknown> = {}) =>
    post("/studies", { title: "Checkout interviews", method: "interview", mapIds: [mapId], ...body });
  const note = (studyId: string, participantId: string | null, text: string) =>
    post("/notes", { studyId, participantId, text });
  const highlight = async (noteId: string, text: string, words: string, body: Record<string, unknown> = {}) => {
    const start = text.indexOf(words);
    return HighlightSchema.parse(await post("/highlights", { noteId, start, end: start + words.length, ...body }));
  };

  it("keeps a study with its participants, personal details apart, and refuses a code the study already has", async () => {
    const s = await study({ goal: "Why do carts get abandoned?", startsOn: "2026-11-02", endsOn: "2026-11-20" });
    const p = await post("/participants", {
      studyId: s.id,
      code: "P01",
      attributes: { "age band": "25–34" },
      consent: { given: true, recordedOn: "2026-11-02", note: "signed form" },
      personal: { name: "Ada Lovelace", email: "ada@example.test" },
    });
    expect(p).toMatchObject({ code: "P01", consent: { given: true, recordedOn: "2026-11-02" } });
    expect(p.personal).toMatchObject({ name: "Ada Lovelace", email: "ada@example.test", phone: "" });
    // Viewers and commenters read the pseudonymous record, never the personal details.
    const seen = await get(`/participants?studyId=${s.id}`);
    expect(seen.participants).toEqual([
      expect.objectContaining({
        code: "P01",
        personalHidden: true,
        personal: { name: "", email: "", phone: "", notes: "" },
      }),
    ]);
    expect(JSON.stringify(await get(`/participants/${p.id}`))).not.toContain("Ada");
    const taken = await t.request("POST", `${R()}/participants`, { ...as(), body: { studyId: s.id, code: "P01" } });
    expect([taken.status, taken.body.error?.code]).toEqual([409, "participant_code_taken"]);
    const backwards = await t.request("POST", `${R()}/studies`, {
      ...as(),
      body: { title: "x", method: "diary", startsOn: "2026-11-20", endsOn: "2026-11-02" },
    });
    expect([backwards.status, backwards.body.error?.message]).toEqual([400, "endsOn: the study ends before it starts"]);
    expect(await get(`/studies/${s.id}`)).toMatchObject({ participantCount: 1, method: "interview", mapIds: [mapId] });
    // Commenters and viewers read, but do not write.
    const byViewer = await t.request("POST", `${R()}/studies`, {
      ...as("commenter"),
      body: { title: "x", method: "diary" },
    });
    expect(byViewer.status).toBe(403);
  });

  it("turns a span into a quote with the engine's sentiment, which an editor may overrule and reset", async () => {
    const s = await study();
    const p = await post("/participants", { studyId: s.id, code: "P07" });
    const text = "Checkout went fine. The shipping costs were terrible and I hated the surprise.";
    const n = await note(s.id, p.id, text);
    const h = await highlight(n.id, text, "The shipping costs were terrible and I hated the surprise.", {
      anchors: [{ kind: "step", mapId, stepId }],
      tags: ["shipping", "price"],
    });
    expect(h).toMatchObject({ participantId: p.id, participantCode: "P07", kind: "quote", sentimentEdited: false });
    expect(h.sentiment).toBeLessThan(0);
    expect(h.anchors).toEqual([expect.objectContaining({ kind: "step", stepId, missing: false })]);
    const edited = await t.request("PATCH", `${R()}/highlights/${h.id}`, { ...as(), body: { sentiment: 0.4 } });
    expect(edited.body).toMatchObject({ sentiment: 0.4, sentimentEdited: true });
    const reset = await t.request("PATCH", `${R()}/highlights/${h.id}`, { ...as(), body: { sentiment: null } });
    expect(reset.body).toMatchObject({ sentiment: h.sentiment, sentimentEdited: false });
    const outside = await t.request("POST", `${R()}/highlights`, {
      ...as(),
      body: { noteId: n.id, start: 10, end: text.length + 5 },
    });
    expect([outside.status, outside.body.error?.code]).toEqual([400, "highlight_span_outside"]);
  });

  it("shows highlights on the map as quotes with their participant, and a linked card rests on research", async () => {
    const s = await study();
    const p = await post("/participants", { studyId: s.id, code: "P03" });
    const text = "I only saw the delivery price at the very end.";
    const n = await note(s.id, p.id, text);
    const onCard = await highlight(n.id, text, "delivery price at the very end", {
      anchors: [{ kind: "painPoint", mapId, cardId: painPointId }],
    });
    const onStep = await highlight(n.id, text, "I only saw", {
      anchors: [{ kind: "step", mapId, stepId: otherStepId }],
    });
    const research = MapResearchSchema.parse(await get(`/maps/${mapId}`));
    expect(research.quotes.map((q) => [q.highlightId, q.stepId, q.participantCode, q.studyTitle])).toEqual([
      [onCard.id, stepId, "P03", "Checkout interviews"],
      [onStep.id, otherStepId, "P03", "Checkout interviews"],
    ]);
    expect(research.cards).toEqual([{ cardId: painPointId, level: "research", highlightIds: [onCard.id] }]);
    expect(research.onDeletedContent).toEqual([]);
  });

  it("keeps a highlight whose step was deleted and reports it as on deleted content", async () => {
    const s = await study();
    const text = "The size guide was missing.";
    const n = await note(s.id, null, text);
    const h = await highlight(n.id, text, "size guide was missing", { anchors: [{ kind: "step", mapId, stepId }] });
    await edit([{ op: "deleteStep", stepId }]);
    const research = MapResearchSchema.parse(await get(`/maps/${mapId}`));
    expect(research.quotes).toEqual([]);
    expect(research.onDeletedContent.map((x) => [x.id, x.anchors[0]!.missing])).toEqual([[h.id, true]]);
    const kept = HighlightSchema.parse(await get(`/highlights/${h.id}`));
    expect(kept).toMatchObject({ onDeletedContent: true, text: "size guide was missing" });
    // Editing its tags keeps the anchor to the deleted step instead of refusing it.
    const retagged = await t.request("PATCH", `${R()}/highlights/${h.id}`, {
      ...as(),
      body: { tags: ["sizing"], anchors: [{ kind: "step", mapId, stepId }] },
    });
    expect([retagged.status, (retagged.body as unknown as Highlight).tags]).toEqual([200, ["sizing"]]);
    const unknown = await t.request("POST", `${R()}/highlights`, {
      ...as(),
      body: { noteId: n.id, start: 0, end: 3, anchors: [{ kind: "step", mapId, stepId }] },
    });
    expect([unknown.status, unknown.body.error?.issues[0]?.path]).toEqual([400, "anchors.0.stepId"]);
  });

  it("finds insights across studies in all five scripts, and filters by tag, persona, step and sentiment", async () => {
    const persona = await t.request("POST", `/api/workspaces/${ws.id}/personas`, {
      ...as(),
      body: { name: "Bargain hunter" },
    });
    expect(persona.status, JSON.stringify(persona.body)).toBe(201);
    const personaId = persona.body.id as string;
    const a = await study({ title: "Study A", personaIds: [personaId] });
    const b = await study({ title: "Study B" });
    const texts = [
      [a.id, "运费太贵了，我很失望。", "运费太贵", ["price"], stepId],
      [a.id, "Доставка ОЧЕНЬ медленная", "Доставка ОЧЕНЬ медленная", ["delivery"], otherStepId],
      [b.id, "قيمت ارسال خيلي بالاست", "قيمت ارسال خيلي بالاست", ["price"], stepId],
      [b.id, "I love the new checkout, great work", "I love the new checkout", ["checkout"], otherStepId],
      [b.id, "結帳流程很順暢", "結帳流程很順暢", ["checkout"], otherStepId],
    ] as const;
    const ids: string[] = [];
    for (const [studyId, text, words, tags, step] of texts) {
      const n = await note(studyId, null, text);
      ids.push((await highlight(n.id, text, words, { tags, anchors: [{ kind: "step", mapId, stepId: step }] })).id);
    }
    const search = async (query: string) =>
      ResearchSearchResultSchema.parse(await get(`/search?${query}`))
        .hits.map((h) => ids.indexOf(h.id))
        .sort();
    expect(await search(`q=${encodeURIComponent("运费")}`)).toEqual([0]); // inside a Chinese sentence
    expect(await search(`q=${encodeURIComponent("медленная доставка")}`)).toEqual([1]); // any case, any order
    // Written with Arabic yeh and kaf, found with the Persian letters.
    expect(await search(`q=${encodeURIComponent("خیلی")}`)).toEqual([2]);
    expect(await search(`q=${encodeURIComponent("流程")}`)).toEqual([4]);
    expect(await search("q=LOVE")).toEqual([3]);
    expect(await search("tag=price")).toEqual([0, 2]);
    expect(await search(`personaId=${personaId}`)).toEqual([0, 1]);
    expect(await search(`stepId=${otherStepId}&tag=checkout`)).toEqual([3, 4]);
    expect(await search("sentiment=positive")).toContain(3);
    expect(await search("sentiment=negative")).not.toContain(3);
    expect(await search(`q=${encodeURIComponent("100%_")}`)).toEqual([]);
  });

  it("finds notes by their full text in Chinese, Russian and Persian, with a snippet around the match", async () => {
    const a = await study({ title: "Study A" });
    const b = await study({ title: "Study B" });
    const p = await post("/participants", { studyId: a.id, code: "P05" });
    const chinese = "访谈开始。我们谈到了退货。她说运费太贵了，所以放弃了购物车。最后谈到了包装。";
    const russian = "Интервью. Клиент сказал, что ДОСТАВКА была очень медленной, и больше не вернётся.";
    const persian = "مصاحبه با مشتری. او گفت كه هزينه ارسال خيلي بالا بود.";
    const zh = await note(a.id, p.id, chinese);
    const ru = await note(a.id, null, russian);
    const fa = await note(b.id, null, persian);
    // Only one highlight, on the Chinese note: the notes are found by their text, not by highlights.
    await highlight(zh.id, chinese, "包装", { tags: ["packaging"] });
    const search = async (query: string) => ResearchSearchResultSchema.parse(await get(`/search?${query}`));

    const found = await search(`q=${encodeURIComponent("运费")}`);
    expect(found.hits).toEqual([]);
    expect(found.notesTotal).toBe(1);
    const [hit] = found.notes;
    expect(hit).toMatchObject({ noteId: zh.id, studyTitle: "Study A", participantCode: "P05" });
    expect(chinese.slice(hit!.start, hit!.end)).toBe("运费");
    expect(hit!.snippet.text.slice(hit!.snippet.matchStart, hit!.snippet.matchEnd)).toBe("运费");

    // Any case, any order of the words; the match is shown as written.
    const slow = (await search(`q=${encodeURIComponent("медленной доставка")}`)).notes;
    expect(slow.map((n) => n.noteId)).toEqual([ru.id]);
    expect(russian.slice(slow[0]!.start, slow[0]!.end)).toBe("ДОСТАВКА");
    // Written with Arabic kaf and yeh, found with the Persian letters.
    const persianHit = (await search(`q=${encodeURIComponent("هزینه")}`)).notes;
    expect(persianHit.map((n) => n.noteId)).toEqual([fa.id]);
    expect(persian.slice(persianHit[0]!.start, persianHit[0]!.end)).toBe("هزينه");

    // The filters still hold: a study, and the highlight filters keep notes holding a matching highlight.
    expect((await search(`q=${encodeURIComponent("هزینه")}&studyId=${a.id}`)).notes).toEqual([]);
    expect((await search(`q=${encodeURIComponent("运费")}&tag=packaging`)).notes.map((n) => n.noteId)).toEqual([zh.id]);
    expect((await search(`q=${encodeURIComponent("运费")}&tag=price`)).notes).toEqual([]);
    expect((await search("tag=packaging")).notes).toEqual([]); // no words, no notes: only highlights are listed
  });

  it("erases a participant: notes, highlights and the quotes on maps derived from them, with the counts", async () => {
    const s = await study();
    const p1 = await post("/participants", { studyId: s.id, code: "P01", personal: { name: "Secret Name" } });
    const p2 = await post("/participants", { studyId: s.id, code: "P02" });
    const own = "I gave up at the payment page.";
    const n1 = await note(s.id, p1.id, own);
    const h1 = await highlight(n1.id, own, "gave up at the payment page", {
      anchors: [{ kind: "step", mapId, stepId }],
    });
    // A focus group note of the study, where P01 is quoted beside P02.
    const group = "P01: Too many fields. P02: It was fine for me.";
    const n2 = await note(s.id, null, group);
    const h2 = await highlight(n2.id, group, "Too many fields.", { participantId: p1.id });
    const kept = await highlight(n2.id, group, "It was fine for me.", { participantId: p2.id });
    // Someone put P01's words on the map as a quote card citing the highlight, and typed another naming P01 only.
    await edit([
      {
        op: "addCard",
        laneId: quoteLaneId,
        stepId,
        card: { kind: "quote", text: "gave up", participant: "P01", evidence: { level: "research", refs: [h1.id] } },
      },
      {
        op: "addCard",
        laneId: quoteLaneId,
        stepId: otherStepId,
        card: { kind: "quote", text: "Retyped remark", participant: " p01 " },
      },
    ]);
    // A named version holds the cards before the erasure.
    const maps = `/api/workspaces/${ws.id}/maps/${mapId}`;
    const named = await t.request("POST", `${maps}/versions`, { ...as(), body: { name: "Before erasure" } });
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    const versionId = (named.body as { id: string }).id;
    const opened = async () => (await t.request("GET", `${maps}/versions/${versionId}`, as("viewer"))).body;
    expect(JSON.stringify(await opened())).toContain("gave up");

    const res = await t.request("DELETE", `${R()}/participants/${p1.id}`, as());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = ErasureReportSchema.parse(res.body);
    expect(report).toMatchObject({ participants: 1, notes: 1, highlights: 2, mapQuotes: 2, transcriptTurns: 1 });
    expect(report.maps).toEqual([expect.objectContaining({ mapId, quotes: 2 })]);
    expect(report.versions).toBeGreaterThanOrEqual(1);
    for (const path of [`/participants/${p1.id}`, `/notes/${n1.id}`, `/highlights/${h1.id}`, `/highlights/${h2.id}`])
      expect((await t.request("GET", `${R()}${path}`, as("viewer"))).status, path).toBe(404);
    // P01's turn left the focus group note; P02's words and highlight stay, still on the same words.
    const group2 = (await get(`/notes/${n2.id}`)) as { text: string };
    expect(group2.text).toBe("P02: It was fine for me.");
    const moved = HighlightSchema.parse(await get(`/highlights/${kept.id}`));
    expect(group2.text.slice(moved.start, moved.end)).toBe("It was fine for me.");
    const snapshot = await t.services.maps.readSnapshot(mapId);
    const quotes = snapshot.cells.flatMap((c) => c.cards).filter((c) => c.kind === "quote");
    expect(quotes.map((c) => c.text)).not.toContain("gave up");
    expect(quotes.map((c) => c.text)).not.toContain("Retyped remark");

    // The named version no longer holds the cards: opened, compared or restored, they do not come back.
    const version = JSON.stringify(await opened());
    expect(version).not.toContain("gave up");
    expect(version).not.toContain("Retyped remark");
    expect(version).toContain("Costs appear late"); // its other cards stay
    const diff = await t.request("GET", `${maps}/versions/${versionId}/diff?with=current`, as("viewer"));
    expect(diff.status).toBe(200);
    expect(JSON.stringify(diff.body)).not.toContain("gave up");
    const restored = await t.request("POST", `${maps}/versions/${versionId}/restore`, as());
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const afterRestore = JSON.stringify(await t.services.maps.readSnapshot(mapId));
    expect(afterRestore).not.toContain("gave up");
    expect(afterRestore).toContain("Costs appear late");
    // Nor does any stored byte: versions' states, the compacted state and the log hold no trace of the words.
    const db = t.services.db.kysely;
    const stored = [
      ...(await db.selectFrom("map_versions").select("state").where("map_id", "=", mapId).execute()),
      ...(await db.selectFrom("map_states").select("state").where("map_id", "=", mapId).execute()),
      ...(await db.selectFrom("map_updates").select("update as state").where("map_id", "=", mapId).execute()),
    ];
    expect(stored.some((r) => Buffer.from(r.state).includes("gave up"))).toBe(false);
    expect(stored.some((r) => Buffer.from(r.state).includes("Retyped remark"))).toBe(false);
    expect(ResearchSearchResultSchema.parse(await get("/search?q=payment")).total).toBe(0);
    const activity = await t.request("GET", `/api/workspaces/${ws.id}/activity`, as("viewer"));
    const entries = (activity.body as { entries: Array<{ action: string; data: Record<string, unknown> }> }).entries;
    const entry = entries.find((e) => e.action === "research.erased");
    expect(entry?.data).toMatchObject({ kind: "participant", name: "P01", notes: 1, highlights: 2, quotes: 2 });
    expect(JSON.stringify(entries)).not.toContain("Secret Name");
  });

  it("is never visible through a share link of a map it is anchored to", async () => {
    const s = await study();
    const text = "Confidential remark about the returns desk.";
    const n = await note(s.id, null, text);
    await highlight(n.id, text, "Confidential remark", { anchors: [{ kind: "step", mapId, stepId }] });
    const link = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/share-links`, { ...as(), body: {} });
    expect(link.status).toBe(201);
    const token = link.body.token as string;
    const shared = await t.request("GET", `/api/share/${token}`, { headers: {} });
    expect(shared.status).toBe(200);
    expect(JSON.stringify(shared.body)).not.toContain("Confidential");
    // Nor can the link's bearer reach the research endpoints.
    for (const path of [`/maps/${mapId}`, "/search?q=Confidential", `/notes/${n.id}`]) {
      const res = await t.request("GET", `${R()}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(401);
    }
  });
});
