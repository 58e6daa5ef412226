import ExcelJS from "exceljs";
import {
  applyMapOperations,
  buildMapFromTemplate,
  MapJourneysSchema,
  MapResearchSchema,
  SharedMapSchema,
} from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShareLink } from "../commands/shareLinkCreator.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";

const PERSONAL = ["ana.secret@example.com", "Ana Secretname", "+44 7700 900123", "lives next to the shop"];

describe.each(testDialects)("research in exports and share links on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let steps: Array<{ id: string; name: string }>;
  let participants: string[];
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    mapId = (
      await t.services.maps.create({
        workspaceId: ws.id,
        createdBy: ws.users.owner.id,
        snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
      })
    ).id;
    steps = (await t.services.maps.readSnapshot(mapId)).steps.map((s) => ({ id: s.id, name: s.name }));
  });
  afterEach(() => t.dispose());

  const R = () => `/api/workspaces/${ws.id}/research`;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await t.request("POST", `${R()}${path}`, { headers: ws.users.editor.headers, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };

  /** Three participants (the first with every personal field filled), two journeys and four quotes on two steps. */
  async function research() {
    const studyId = (await post("/studies", { title: "Shoe buyers", method: "interview", mapIds: [mapId] })).id;
    const [name, email, phone, notes] = PERSONAL;
    participants = [
      (await post("/participants", { studyId, code: "P01", personal: { name, email, phone, notes } })).id,
      (await post("/participants", { studyId, code: "P02" })).id,
      (await post("/participants", { studyId, code: "P03" })).id,
    ];
    for (const [participant, emotions] of [
      [participants[0]!, [1, -2]],
      [participants[1]!, [2, 3]],
    ] as const) {
      const res = await t.request("PUT", `${R()}/participants/${participant}/journeys/${mapId}`, {
        headers: ws.users.editor.headers,
        body: { steps: [0, 1].map((i) => ({ stepId: steps[i]!.id, emotion: emotions[i] })) },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const quote = async (participant: number, text: string, step: number, sentiment: number, tags: string[]) => {
      const note = await post("/notes", { studyId, participantId: participants[participant], text });
      await post("/highlights", {
        noteId: note.id,
        start: 0,
        end: text.length,
        sentiment,
        tags,
        anchors: [{ kind: "step", mapId, stepId: steps[step]!.id }],
      });
    };
    await quote(0, "I compared prices on three sites first.", 1, -0.5, ["price"]);
    await quote(1, '=HYPERLINK("http://evil") made me laugh', 1, 0.7, ["fun"]);
    await quote(2, "Delivery was quicker than promised.", 1, 0, []);
    await quote(0, "The size guide saved me.", 0, 0.9, ["sizing", "trust"]);
  }

  async function workbook(query: string, headers = ws.users.viewer.headers): Promise<ExcelJS.Workbook> {
    const res = await t.app.request(`/api/workspaces/${ws.id}/maps/${mapId}/export?format=xlsx&${query}`, {
      headers,
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return wb;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet) =>
    sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
  const everyCell = (wb: ExcelJS.Workbook) => JSON.stringify(wb.worksheets.map((sheet) => rowsOf(sheet)));

  it("a member's XLSX with research has a Research sheet whose counts are the map's research aggregation", async () => {
    await research();
    const sheet = (await workbook("research=true")).getWorksheet("Research");
    expect(sheet).toBeDefined();
    const rows = rowsOf(sheet!);
    expect(rows[0]!.slice(0, 8)).toEqual([
      "Stage",
      "Step",
      "Participants",
      "Participants with a journey",
      "Lowest emotion",
      "Median emotion",
      "Highest emotion",
      "Quotes",
    ]);
    const journeys = MapJourneysSchema.parse(
      (await t.request("GET", `${R()}/maps/${mapId}/journeys`, { headers: ws.users.viewer.headers })).body,
    );
    const quotes = MapResearchSchema.parse(
      (await t.request("GET", `${R()}/maps/${mapId}`, { headers: ws.users.viewer.headers })).body,
    ).quotes;
    const stepRows = rows.slice(
      1,
      rows.findIndex((r) => r.length === 0 || r[0] === "Research quotes"),
    );
    expect(stepRows.map((r) => r[1])).toEqual([steps[0]!.name, steps[1]!.name]);
    for (const row of stepRows) {
      const step = steps.find((s) => s.name === row[1])!;
      const aggregated = journeys.steps.find((s) => s.stepId === step.id)!;
      const said = quotes.filter((q) => q.stepId === step.id);
      expect(row.slice(2, 11)).toEqual([
        aggregated.participants,
        journeys.participants,
        aggregated.min,
        expect.any(Number),
        aggregated.max,
        said.length,
        said.filter((q) => q.sentiment > 0.05).length,
        said.filter((q) => Math.abs(q.sentiment) <= 0.05).length,
        said.filter((q) => q.sentiment < -0.05).length,
      ]);
    }
    // P03 entered no journey: their highlight on the second step drafts one (sentiment 0 → emotion 0).
    expect(stepRows[1]!.slice(2, 11)).toEqual([3, 3, -2, 0, 3, 3, 1, 1, 1]);
    const quoteRows = rows.slice(rows.findIndex((r) => r[0] === "Research quotes") + 2);
    expect(quoteRows).toContainEqual([
      steps[1]!.name,
      "I compared prices on three sites first.",
      "P01",
      "Shoe buyers",
      "Negative",
      "price",
    ]);
    // A quote that starts like a formula stays text.
    expect(quoteRows.map((r) => r[1])).toContain('\'=HYPERLINK("http://evil") made me laugh');
    const everything = everyCell(await workbook("research=true"));
    for (const personal of PERSONAL) expect(everything).not.toContain(personal);
  });

  it("leaves research out unless asked for, and leaves the sheet out when the map has no research", async () => {
    expect((await workbook("research=true")).getWorksheet("Research")).toBeUndefined();
    await research();
    const plain = await workbook("");
    expect(plain.getWorksheet("Research")).toBeUndefined();
    expect(everyCell(plain)).not.toContain("compared prices");
  });

  it("an erased participant's quotes and journey are gone from a later export", async () => {
    await research();
    expect(everyCell(await workbook("research=true"))).toContain("compared prices");
    const erased = await t.request("DELETE", `${R()}/participants/${participants[0]}`, {
      headers: ws.users.editor.headers,
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const after = await workbook("research=true");
    const text = everyCell(after);
    expect(text).not.toContain("compared prices");
    expect(text).not.toContain("size guide");
    expect(text).not.toContain("P01");
    const stepRow = rowsOf(after.getWorksheet("Research")!).find((r) => r[1] === steps[1]!.name)!;
    expect(stepRow.slice(2, 8)).toEqual([2, 2, 0, 1.5, 3, 2]);
  });

  it("a card linked to research highlights shows the evidence level research, as in the editor", async () => {
    const snapshot = await t.services.maps.readSnapshot(mapId);
    const lane = snapshot.lanes.find((l) => l.type === "painPoints")!;
    const added = await t.services.maps.edit(
      mapId,
      (doc) =>
        applyMapOperations(doc, [
          {
            op: "addCard",
            laneId: lane.id,
            stepId: steps[1]!.id,
            card: { kind: "painPoint", text: "Linked pain", severity: 3 },
          },
          {
            op: "addCard",
            laneId: lane.id,
            stepId: steps[1]!.id,
            card: { kind: "painPoint", text: "Unlinked pain", severity: 3 },
          },
        ]),
      "test",
    );
    const cardId = added.result[0]!.id!;
    const studyId = (await post("/studies", { title: "Shoe buyers", method: "interview", mapIds: [mapId] })).id;
    const text = "Returns were a nightmare.";
    const note = await post("/notes", { studyId, participantId: null, text });
    await post("/highlights", {
      noteId: note.id,
      start: 0,
      end: text.length,
      anchors: [{ kind: "painPoint", mapId, cardId }],
    });

    // The XLSX Cards sheet: the linked card rests on research, the other stays an assumption.
    const cards = rowsOf((await workbook("")).getWorksheet("Cards")!);
    const evidenceOf = (words: string) => cards.find((r) => String(r[4]).startsWith(words))?.[5];
    expect([evidenceOf("Linked pain"), evidenceOf("Unlinked pain")]).toEqual(["Research", "Assumption"]);
    // The print view's input (the export's own link) carries the level the editor shows; the stored card is unchanged.
    const exportLink = await createShareLink(t.services.db, {
      workspaceId: ws.id,
      mapId,
      userId: ws.users.viewer.id,
      purpose: "export",
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      includeResearch: false,
    });
    const printed = (await shared(exportLink.token)).body.snapshot.cells.flatMap((c) => c.cards);
    expect(printed.find((c) => c.id === cardId)?.evidence.level).toBe("research");
    expect(printed.find((c) => c.kind === "painPoint" && c.text === "Unlinked pain")?.evidence.level).toBe(
      "assumption",
    );
    const stored = (await t.services.maps.readSnapshot(mapId)).cells.flatMap((c) => c.cards);
    expect(stored.find((c) => c.id === cardId)?.evidence.level).toBe("assumption");
  });

  const shared = async (token: string, lang?: string) => {
    const res = await t.request("GET", `/api/share/${token}${lang ? `?lang=${lang}` : ""}`);
    expect(res.status).toBe(200);
    return { raw: JSON.stringify(res.body), body: SharedMapSchema.parse(res.body) };
  };
  const newLink = async (body: Record<string, unknown>) => {
    const res = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/share-links`, {
      headers: ws.users.editor.headers,
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { token: string; link: { includeResearch: boolean } };
  };

  it("a public share link carries no research unless its sharer included the research appendix", async () => {
    await research();
    const plain = await newLink({ label: "For the agency" });
    expect(plain.link.includeResearch).toBe(false);
    const without = await shared(plain.token);
    expect(without.body.research).toBeUndefined();
    for (const words of ["compared prices", "P01", "Shoe buyers"]) expect(without.raw).not.toContain(words);

    const withResearch = await newLink({ label: "For the board", includeResearch: true });
    expect(withResearch.link.includeResearch).toBe(true);
    const answer = await shared(withResearch.token);
    expect(answer.raw).toContain("I compared prices on three sites first.");
    expect(answer.body.research?.map((table) => table.title)).toEqual(["Research by step", "Research quotes"]);
    for (const personal of PERSONAL) expect(answer.raw).not.toContain(personal);
    // The link's other readers (the print view of the same token) get the appendix in the language they ask for.
    expect((await shared(withResearch.token, "fa")).body.research?.[0]?.title).toBe("پژوهش به تفکیک گام");
    const listed = await t.request("GET", `/api/workspaces/${ws.id}/maps/${mapId}/share-links`, {
      headers: ws.users.editor.headers,
    });
    expect(
      (listed.body as unknown as Array<{ includeResearch: boolean }>).map((l) => l.includeResearch).sort(),
    ).toEqual([false, true]);
  });

  it("an export's own link carries research only when the exporting member asked for it", async () => {
    await research();
    const exportLink = (includeResearch: boolean) =>
      createShareLink(t.services.db, {
        workspaceId: ws.id,
        mapId,
        userId: ws.users.viewer.id,
        purpose: "export",
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
        includeResearch,
      });
    const without = await shared((await exportLink(false)).token);
    expect(without.body.appendix).toBeDefined();
    expect(without.body.research).toBeUndefined();
    expect(without.raw).not.toContain("compared prices");
    const asked = await shared((await exportLink(true)).token);
    expect(asked.body.research?.[1]?.rows.map((r) => r[1])).toContain("I compared prices on three sites first.");
  });
});
