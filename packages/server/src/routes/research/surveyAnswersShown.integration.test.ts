import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSource, ImportMappingSchema, importEvents } from "@opencjm/analytics";
import {
  buildMapFromTemplate,
  CustomerTimelineSchema,
  MapSurveyScoresSchema,
  SharedMapSchema,
  SurveyUploadedSchema,
} from "@opencjm/core";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

// An older survey (four respondents, two of them participants) and a newer one answered by Ana alone, whose e-mail
// the customer data knows: the e-mails are personal and must show nowhere but in Ana's own timeline.
const OLDER = [
  "Participant,Email,Ease (CES),What was hard?",
  "P01,ana@example.test,6,Too many steps",
  "P02,bo@example.test,3,Shipping cost surprised me",
  ",,5,<script>alert(1)</script>",
  ",cy@example.test,2,Courier was late",
].join("\n");
const NEWER = "Email,What could be better?\nana@example.test,Faster checkout please\n";

describe.each(testDialects)("survey free-text answers on the map, in exports and in timelines on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let steps: Array<{ id: string; name: string }>;
  let studyId: string;
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
    studyId = (await post("/studies", { title: "Checkout survey", method: "survey", mapIds: [mapId] })).id;
    for (const code of ["P01", "P02"]) await post("/participants", { studyId, code });
    const db = await t.services.analytics.open(ws.id);
    const source = await createSource(db.connection, {
      name: "Web",
      kind: "web",
      mapping: ImportMappingSchema.parse({
        columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" }, event: { role: "event" } },
      }),
    });
    const path = join(t.services.config.dataDir, "ana.csv");
    writeFileSync(path, "email,ts,event\nAna@Example.test,2026-01-01T10:00:00Z,Visit\n");
    await importEvents(db, { path, source: { sourceId: source.sourceId } });

    const older = await importSurvey("older.csv", OLDER, [
      { column: 2, scale: "ces", mapId, stepId: steps[1]!.id },
      { column: 3, scale: "text", mapId, stepId: steps[1]!.id },
    ]);
    // Uploaded a day before the newer one, so "newest" does not hang on two uploads' milliseconds.
    await t.services.db.kysely
      .updateTable("research_surveys")
      .set({ created_at: "2026-03-01T09:00:00.000Z" })
      .where("id", "=", older)
      .execute();
    await importSurvey("newer.csv", NEWER, [{ column: 1, scale: "text", mapId, stepId: steps[1]!.id }]);
  });
  afterEach(() => t.dispose());

  const R = () => `/api/workspaces/${ws.id}/research`;
  async function post(path: string, body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
    const res = await t.request("POST", `${R()}${path}`, { headers: ws.users.editor.headers, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  }
  async function importSurvey(fileName: string, csv: string, questions: unknown[]): Promise<string> {
    const upload = await post("/surveys/upload", { studyId, fileName, content: Buffer.from(csv).toString("base64") });
    const { surveyId } = SurveyUploadedSchema.parse(upload);
    const header = csv.split("\n")[0]!.split(",");
    await post(`/surveys/${surveyId}/mapping`, {
      questions,
      respondent: { column: header.indexOf("Email"), kind: "email" },
      participantColumn: header.includes("Participant") ? 0 : null,
    });
    return surveyId;
  }

  it("answers every free-text answer of a step counted, newest first, by participant code or row", async () => {
    const res = await t.request("GET", `${R()}/maps/${mapId}/surveys`, { headers: ws.users.viewer.headers });
    const step = MapSurveyScoresSchema.parse(res.body).steps.find((s) => s.stepId === steps[1]!.id)!;
    expect(step.quoteCount).toBe(5);
    expect(step.quotes.map((q) => [q.text, q.participantCode, q.respondent])).toEqual([
      ["Faster checkout please", null, 1],
      ["Courier was late", null, 4],
      ["<script>alert(1)</script>", null, 3],
      ["Shipping cost surprised me", "P02", 2],
      ["Too many steps", "P01", 1],
    ]);
    expect(JSON.stringify(res.body)).not.toContain("@example.test");
  });

  async function workbook(query: string): Promise<unknown[][]> {
    const res = await t.app.request(`/api/workspaces/${ws.id}/maps/${mapId}/export?format=xlsx&${query}`, {
      headers: ws.users.viewer.headers,
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet("Research");
    if (!sheet) return [];
    return sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
  }

  it("the XLSX Research sheet counts a step's free-text answers and lists the three newest, only with research", async () => {
    const rows = await workbook("research=true");
    expect(rows[0]!.slice(11)).toEqual(["Survey answers", "Survey scores", "Free-text answers"]);
    const stepRow = rows.find((r) => r[1] === steps[1]!.name)!;
    // Four CES answers and five free-text ones.
    expect(stepRow.slice(11)).toEqual([9, "Ease (CES): 4 (n = 4)", 5]);
    const listed = rows.slice(rows.findIndex((r) => r[0] === "Survey free-text answers (newest)") + 1);
    expect(listed).toEqual([
      ["Step", "Answer", "Respondent", "Question", "Sentiment"],
      [steps[1]!.name, "Faster checkout please", "Respondent 1", "What could be better?", expect.any(String)],
      [steps[1]!.name, "Courier was late", "Respondent 4", "What was hard?", expect.any(String)],
      [steps[1]!.name, "<script>alert(1)</script>", "Respondent 3", "What was hard?", expect.any(String)],
      [steps[1]!.name, "+2 more"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("@example.test");
    expect(JSON.stringify(await workbook(""))).not.toContain("Courier was late");
  });

  it("the PDF's research appendix (through its print link) carries them only when research was asked for", async () => {
    const link = async (includeResearch: boolean) => {
      const created = await t.request("POST", `/api/workspaces/${ws.id}/maps/${mapId}/share-links`, {
        headers: ws.users.editor.headers,
        body: { label: "Print", includeResearch },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const shared = await t.request("GET", `/api/share/${(created.body as { token: string }).token}`);
      return { raw: JSON.stringify(shared.body), body: SharedMapSchema.parse(shared.body) };
    };
    const withResearch = (await link(true)).body.research!;
    expect(withResearch[0]!.rows.find((r) => r[1] === steps[1]!.name)![5]).toBe(
      "Ease (CES): 4 (n = 4)\nFree-text answers: 5",
    );
    const answers = withResearch.find((table) => table.title === "Survey free-text answers (newest)")!;
    expect(answers.rows.map((r) => r.slice(1, 3))).toEqual([
      ["Faster checkout please", "Respondent 1"],
      ["Courier was late", "Respondent 4"],
      ["<script>alert(1)</script>", "Respondent 3"],
      ["+2 more", ""],
    ]);
    const without = await link(false);
    expect(without.body.research).toBeUndefined();
    expect(without.raw).not.toContain("Courier was late");
  });

  it("a customer's timeline lists their survey answers, newest survey first, to owners and editors only", async () => {
    const path = `/api/workspaces/${ws.id}/customers/timeline?identifier=${encodeURIComponent("ana@example.test")}`;
    const res = await t.request("GET", path, { headers: ws.users.editor.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { surveyAnswers } = CustomerTimelineSchema.parse(res.body);
    expect(surveyAnswers).toEqual([
      expect.objectContaining({
        fileName: "newer.csv",
        studyTitle: "Checkout survey",
        question: "What could be better?",
        scale: "text",
        mapId,
        stepId: steps[1]!.id,
        stepName: steps[1]!.name,
        value: null,
        text: "Faster checkout please",
      }),
      expect.objectContaining({
        fileName: "older.csv",
        question: "Ease (CES)",
        scale: "ces",
        stepName: steps[1]!.name,
        value: 6,
        text: null,
        importedAt: "2026-03-01T09:00:00.000Z",
      }),
      expect.objectContaining({ fileName: "older.csv", question: "What was hard?", text: "Too many steps" }),
    ]);
    expect(surveyAnswers[0]!.mapTitle).toBe((await t.services.maps.readSnapshot(mapId)).settings.title);
    // Bo's answers were not joined to a customer: nobody's timeline holds them.
    expect(JSON.stringify(surveyAnswers)).not.toContain("Shipping cost");
    for (const role of ["viewer", "commenter"] as const)
      expect((await t.request("GET", path, { headers: ws.users[role].headers })).status).toBe(403);
  });
});
