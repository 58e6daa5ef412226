import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSource, ImportMappingSchema, importEvents } from "@opencjm/analytics";
import {
  buildMapFromTemplate,
  MapSurveyScoresSchema,
  SurveyImportResultSchema,
  SurveyUploadedSchema,
  type MapSurveyScores,
} from "@opencjm/core";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupWorkspace } from "../../mapExport/workspaceBackup.js";
import { restoreWorkspace } from "../../mapImport/restoreWorkspace.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const HEADER = "Participant,Email,How likely are you to recommend us?,Delivery satisfaction (CSAT),What was hard?";

describe.each(testDialects)("survey responses on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let steps: string[];
  let studyId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    mapId = map.id;
    steps = (await t.services.maps.readSnapshot(mapId)).steps.map((s) => s.id);
    studyId = (await post("/studies", { title: "Checkout survey", method: "survey", mapIds: [mapId] })).body.id;
    for (const code of ["P01", "P02"]) await post("/participants", { studyId, code });
  });
  afterEach(() => t.dispose());

  const R = () => `/api/workspaces/${ws.id}/research`;
  const post = async (path: string, body: unknown, headers = ws.users.editor.headers) => {
    const res = await t.request("POST", `${R()}${path}`, { headers, body: body as Record<string, unknown> });
    return { status: res.status, body: res.body as Record<string, unknown> & { id: string } };
  };
  const upload = (fileName: string, bytes: Buffer, headers = ws.users.editor.headers) =>
    post("/surveys/upload", { studyId, fileName, content: bytes.toString("base64") }, headers);
  const scores = async (): Promise<MapSurveyScores> => {
    const res = await t.request("GET", `${R()}/maps/${mapId}/surveys`, { headers: ws.users.viewer.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return MapSurveyScoresSchema.parse(res.body);
  };
  const surveyRows = async () =>
    (await t.services.db.kysely.selectFrom("research_surveys").select("id").execute()).length +
    (await t.services.db.kysely.selectFrom("research_survey_answers").select("survey_id").execute()).length;

  /** The customer data knows ana@example.test (and not bo@). */
  async function customerAna(): Promise<void> {
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
    await importEvents(db, { path, source: { sourceId: source.sourceId }, rebuildStore: false });
  }

  it("imports a GB18030 export mapped to steps and shows per-step scores, NPS arithmetic and quotes", async () => {
    await customerAna();
    const csv = [
      HEADER,
      "P01,ana@example.test,10,5,付款页面太慢了，我很生气",
      "P02,bo@example.test,9,4,",
      "P99,,3,2,Great delivery",
      ",,11,seven,",
    ].join("\n");
    const uploaded = await upload("问卷.csv", iconv.encode(csv, "gb18030"));
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const read = SurveyUploadedSchema.parse(uploaded.body);
    expect(read).toMatchObject({ charset: "gb18030", respondents: 4, suggestedParticipantColumn: 0 });
    expect(read.suggestedRespondent).toEqual({ column: 1, kind: "email" });
    expect(read.columns.map((c) => c.suggestedScale)).toEqual([null, null, "nps", "csat", "text"]);

    const mapped = await post(`/surveys/${read.surveyId}/mapping`, {
      questions: [
        { column: 2, scale: "nps", mapId, stepId: steps[0] },
        { column: 3, scale: "csat", mapId, stepId: steps[1] },
        { column: 4, scale: "text", mapId, stepId: steps[1] },
      ],
      respondent: { column: 1, kind: "email" },
      participantColumn: 0,
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(201);
    const result = SurveyImportResultSchema.parse(mapped.body);
    expect(result).toMatchObject({ respondents: 3, answers: 8, customersJoined: 1, participantsLinked: 2 });
    expect(result.notKept.map((n) => [n.row, n.header, n.reason])).toEqual([
      [2, "Email", "unknown_customer"],
      [3, "Participant", "unknown_participant"],
      [4, "How likely are you to recommend us?", "not_on_scale"],
      [4, "Delivery satisfaction (CSAT)", "not_on_scale"],
    ]);
    const joined = await t.services.db.kysely
      .selectFrom("research_survey_answers")
      .select(["respondent", "customer_id"])
      .where("customer_id", "is not", null)
      .execute();
    expect(new Set(joined.map((j) => Number(j.respondent)))).toEqual(new Set([1]));

    const onMap = await scores();
    const first = onMap.steps.find((s) => s.stepId === steps[0])!;
    // 10 and 9 promote, 3 detracts: (2 − 1) / 3 = 33.3.
    expect(first.scores).toEqual([
      expect.objectContaining({
        scale: "nps",
        count: 3,
        mean: 7.33,
        nps: { promoters: 2, passives: 0, detractors: 1, score: 33.3 },
      }),
    ]);
    const second = onMap.steps.find((s) => s.stepId === steps[1])!;
    expect(second.scores).toEqual([expect.objectContaining({ scale: "csat", count: 3, mean: 3.67, nps: null })]);
    // Newest first: the file's last respondents first.
    expect(second.quotes.map((q) => [q.text, q.participantCode, q.respondent])).toEqual([
      ["Great delivery", null, 3],
      ["付款页面太慢了，我很生气", "P01", 1],
    ]);
    expect(second.quoteCount).toBe(2);
    expect(second.quotes[0]!.sentiment).toBeGreaterThan(0);

    const again = await post(`/surveys/${read.surveyId}/mapping`, { questions: [{ column: 2, scale: "nps" }] });
    expect(again.status).toBe(409);
  });

  it("reads a Windows-1251 export and erasing a participant removes their answers", async () => {
    const csv = "Код участника;Насколько вы удовлетворены?;Комментарий\nP01;5;Курьер опоздал\nP02;1;Всё плохо\n";
    const read = SurveyUploadedSchema.parse((await upload("опрос.csv", iconv.encode(csv, "windows-1251"))).body);
    expect(read.charset).toBe("windows-1251");
    expect(read.columns[1]!.suggestedScale).toBe("csat");
    const mapped = await post(`/surveys/${read.surveyId}/mapping`, {
      questions: [
        { column: 1, scale: "csat", mapId, stepId: steps[2] },
        { column: 2, scale: "text", mapId, stepId: steps[2] },
      ],
      participantColumn: 0,
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(201);
    expect((await scores()).steps[0]!.scores[0]).toMatchObject({ count: 2, mean: 3 });

    const p01 = (await t.services.db.kysely
      .selectFrom("research_participants")
      .select("id")
      .where("code", "=", "P01")
      .executeTakeFirstOrThrow())!.id;
    const erased = await t.request("DELETE", `${R()}/participants/${p01}`, { headers: ws.users.editor.headers });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const after = (await scores()).steps[0]!;
    expect(after.scores[0]).toMatchObject({ count: 1, mean: 1 });
    expect(after.quotes.map((q) => q.text)).toEqual(["Всё плохо"]);

    // A backup made afterwards holds the remaining answers and none of P01's; its restore shows the same scores.
    const backup = JSON.parse(JSON.stringify(await backupWorkspace(t.services.db, ws.id)));
    expect(backup.research.surveyAnswers).toHaveLength(2);
    expect(JSON.stringify(backup.research)).not.toContain("Курьер опоздал");
    const restored = await restoreWorkspace(t.services.db, backup, { ownerId: ws.users.owner.id, newIds: true });
    const copy = (await t.services.maps.list(restored.workspaceId))[0]!;
    const res = await t.request("GET", `/api/workspaces/${restored.workspaceId}/research/maps/${copy.id}/surveys`, {
      headers: ws.users.owner.headers,
    });
    expect(MapSurveyScoresSchema.parse(res.body).steps[0]!.scores[0]).toMatchObject({ count: 1, mean: 1 });
  });

  it("erasing a participant removes the answers joined to them through their e-mail, without a code column", async () => {
    await customerAna();
    const p03 = await post("/participants", { studyId, code: "P03", personal: { email: "ANA@example.test" } });
    expect(p03.status, JSON.stringify(p03.body)).toBe(201);
    const csv =
      "Email,Delivery satisfaction (CSAT),What was hard?\nana@example.test,2,Курьер опоздал\nbo@example.test,5,Всё отлично\n";
    const read = SurveyUploadedSchema.parse((await upload("survey.csv", Buffer.from(csv))).body);
    const mapped = await post(`/surveys/${read.surveyId}/mapping`, {
      questions: [
        { column: 1, scale: "csat", mapId, stepId: steps[2] },
        { column: 2, scale: "text", mapId, stepId: steps[2] },
      ],
      respondent: { column: 0, kind: "email" },
    });
    expect(SurveyImportResultSchema.parse(mapped.body)).toMatchObject({ customersJoined: 1, participantsLinked: 0 });

    const erased = await t.request("DELETE", `${R()}/participants/${p03.body.id}`, {
      headers: ws.users.editor.headers,
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({ participants: 1, surveyAnswers: 2 });
    const after = (await scores()).steps[0]!;
    expect(after.scores[0]).toMatchObject({ count: 1, mean: 5 });
    expect(after.quotes.map((q) => q.text)).toEqual(["Всё отлично"]);
  });

  it("keeps an .xlsx formula cell as its result, never the formula", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Responses");
    sheet.addRow(["NPS", "Why?"]);
    sheet.addRow([{ formula: "4+5", result: 9 }, '=HYPERLINK("http://evil.test","click")']);
    const read = SurveyUploadedSchema.parse(
      (await upload("survey.xlsx", Buffer.from(await book.xlsx.writeBuffer()))).body,
    );
    await post(`/surveys/${read.surveyId}/mapping`, {
      questions: [
        { column: 0, scale: "nps", mapId, stepId: steps[0] },
        { column: 1, scale: "text", mapId, stepId: steps[0] },
      ],
    });
    const step = (await scores()).steps[0]!;
    expect(step.scores[0]).toMatchObject({ count: 1, mean: 9 });
    expect(step.quotes[0]!.text).toBe('=HYPERLINK("http://evil.test","click")');
  });

  it("refuses a huge file, a zip bomb, a step of another map and a viewer, keeping nothing", async () => {
    const huge = await upload("huge.csv", Buffer.alloc(3 * 1024 * 1024 + 10, 0x41));
    expect(huge.status).toBe(413);
    expect(JSON.stringify(huge.body)).toContain("survey_too_large");

    const book = new ExcelJS.Workbook();
    book.addWorksheet("R").addRow(["NPS"]);
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    zip.file("xl/media/pad.bin", Buffer.alloc(80 * 1024 * 1024));
    const bomb = await upload("bomb.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect(bomb.status).toBe(413);
    expect(JSON.stringify(bomb.body)).toContain("zip bomb");

    const viewer = await upload("nps.csv", Buffer.from("NPS\n9\n"), ws.users.viewer.headers);
    expect(viewer.status).toBe(403);
    expect(await surveyRows()).toBe(0);

    const read = SurveyUploadedSchema.parse((await upload("nps.csv", Buffer.from("NPS\n9\n"))).body);
    const other = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    const wrongMap = await post(`/surveys/${read.surveyId}/mapping`, {
      questions: [{ column: 0, scale: "nps", mapId: other.id, stepId: steps[0] }],
    });
    expect(wrongMap.status).toBe(400);
    expect(JSON.stringify(wrongMap.body)).toContain("survey_map_not_in_study");
    const wrongStep = await post(`/surveys/${read.surveyId}/mapping`, {
      questions: [{ column: 0, scale: "nps", mapId, stepId: "no-such-step" }],
    });
    expect(JSON.stringify(wrongStep.body)).toContain("survey_step_unknown");
    const viewerMapping = await post(
      `/surveys/${read.surveyId}/mapping`,
      { questions: [{ column: 0, scale: "nps" }] },
      ws.users.viewer.headers,
    );
    expect(viewerMapping.status).toBe(403);
    expect((await scores()).steps).toEqual([]);
  });
});
