import { buildMapFromTemplate, ErasureReportSchema, MapSurveyScoresSchema, SurveyDeletedSchema } from "@opencjm/core";
import { SurveyListSchema, SurveyUploadedSchema } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupWorkspace } from "../../mapExport/workspaceBackup.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const CSV = [
  "Participant code,Email,NPS,What was hard?",
  "P01,ana@example.test,10,Slow page",
  "P02,bo@example.test,3,",
];

describe.each(testDialects)("a study's surveys on %s", (dialect) => {
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
  const post = async (path: string, body: unknown) => {
    const res = await t.request("POST", `${R()}${path}`, {
      headers: ws.users.editor.headers,
      body: body as Record<string, unknown>,
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return { status: res.status, body: res.body as Record<string, unknown> & { id: string } };
  };
  const upload = async (fileName: string) =>
    SurveyUploadedSchema.parse(
      (await post("/surveys/upload", { studyId, fileName, content: Buffer.from(CSV.join("\n")).toString("base64") }))
        .body,
    );
  /** Uploads the export and maps NPS to the first step and the comment to the second, codes to participants. */
  const importSurvey = async (fileName: string) => {
    const { surveyId } = await upload(fileName);
    await post(`/surveys/${surveyId}/mapping`, {
      questions: [
        { column: 2, scale: "nps", mapId, stepId: steps[0] },
        { column: 3, scale: "text", mapId, stepId: steps[1] },
      ],
      participantColumn: 0,
    });
    return surveyId;
  };
  const list = async () => {
    const res = await t.request("GET", `${R()}/surveys?studyId=${studyId}`, { headers: ws.users.viewer.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return SurveyListSchema.parse(res.body).surveys;
  };
  const scores = async () => {
    const res = await t.request("GET", `${R()}/maps/${mapId}/surveys`, { headers: ws.users.viewer.headers });
    return MapSurveyScoresSchema.parse(res.body).steps;
  };
  /** Makes a stored upload look as if it had been made `hours` ago. */
  const age = (surveyId: string, hours: number) =>
    t.services.db.kysely
      .updateTable("research_surveys")
      .set({ created_at: new Date(Date.now() - hours * 3_600_000).toISOString() })
      .where("id", "=", surveyId)
      .execute();

  it("lists the study's surveys with their file, respondents, questions mapped, date and uploader", async () => {
    const imported = await importSurvey("checkout.csv");
    const waiting = (await upload("later.csv")).surveyId;
    await age(imported, 1);
    const surveys = await list();
    expect(surveys.map((s) => [s.id, s.status])).toEqual([
      [waiting, "uploaded"],
      [imported, "imported"],
    ]);
    expect(surveys[1]).toMatchObject({
      fileName: "checkout.csv",
      respondents: 2,
      questions: 2,
      questionsOnSteps: 2,
      answers: 3,
      createdBy: { id: ws.users.editor.id, name: "editor user" },
    });
    expect(surveys[0]).toMatchObject({ fileName: "later.csv", respondents: 2, answers: 0 });

    const otherStudy = await t.request("GET", `${R()}/surveys?studyId=stu_missing`, {
      headers: ws.users.viewer.headers,
    });
    expect(otherStudy.status).toBe(404);
  });

  it("deleting a survey removes its answers and quotes from the map and says how many", async () => {
    const kept = await importSurvey("kept.csv");
    const gone = await importSurvey("gone.csv");
    expect((await scores()).find((s) => s.stepId === steps[0])!.scores).toHaveLength(2);

    const viewer = await t.request("DELETE", `${R()}/surveys/${gone}`, { headers: ws.users.viewer.headers });
    expect(viewer.status).toBe(403);
    const res = await t.request("DELETE", `${R()}/surveys/${gone}`, { headers: ws.users.editor.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(SurveyDeletedSchema.parse(res.body)).toEqual({
      surveyId: gone,
      fileName: "gone.csv",
      answers: 3,
      quotes: 1,
    });

    const after = await scores();
    expect(after.find((s) => s.stepId === steps[0])!.scores.map((s) => s.surveyId)).toEqual([kept]);
    expect(after.find((s) => s.stepId === steps[1])!.quotes.map((q) => q.text)).toEqual(["Slow page"]);
    expect((await list()).map((s) => s.id)).toEqual([kept]);
    const again = await t.request("DELETE", `${R()}/surveys/${gone}`, { headers: ws.users.editor.headers });
    expect(again.status).toBe(404);
  });

  it("purges an upload left unmapped for a day when surveys are next listed or uploaded, keeping imported ones", async () => {
    const imported = await importSurvey("kept.csv");
    const stale = (await upload("stale.csv")).surveyId;
    const fresh = (await upload("fresh.csv")).surveyId;
    await age(stale, 25);
    await age(imported, 48);
    await age(fresh, 23);
    expect((await list()).map((s) => s.id).sort()).toEqual([imported, fresh].sort());
    const stored = await t.services.db.kysely.selectFrom("research_surveys").select("id").execute();
    expect(stored.map((r) => r.id).sort()).toEqual([imported, fresh].sort());
    const mapping = await t.request("POST", `${R()}/surveys/${stale}/mapping`, {
      headers: ws.users.editor.headers,
      body: { questions: [{ column: 2, scale: "nps" }] },
    });
    expect(mapping.status).toBe(404);

    // An upload purges too: nobody needs to open the list for a forgotten upload to go.
    await age(fresh, 30);
    const next = (await upload("next.csv")).surveyId;
    const left = await t.services.db.kysely.selectFrom("research_surveys").select("id").execute();
    expect(left.map((r) => r.id).sort()).toEqual([imported, next].sort());
  });

  it("leaves an upload waiting for its mapping out of the workspace backup", async () => {
    await importSurvey("kept.csv");
    const waiting = (await upload("waiting.csv")).surveyId;
    const backup = JSON.parse(JSON.stringify(await backupWorkspace(t.services.db, ws.id)));
    expect(backup.research.surveys.map((s: { file_name: string }) => s.file_name)).toEqual(["kept.csv"]);
    expect(JSON.stringify(backup)).not.toContain(waiting);
    expect(JSON.stringify(backup)).not.toContain("ana@example.test");
  });

  it("erasing a participant counts the survey answers removed with them", async () => {
    await importSurvey("checkout.csv");
    const p01 = (await t.services.db.kysely
      .selectFrom("research_participants")
      .select("id")
      .where("code", "=", "P01")
      .executeTakeFirstOrThrow())!.id;
    const res = await t.request("DELETE", `${R()}/participants/${p01}`, { headers: ws.users.editor.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(ErasureReportSchema.parse(res.body).surveyAnswers).toBe(2);
    expect((await list())[0]).toMatchObject({ respondents: 1, answers: 1 });

    const study = await t.request("DELETE", `${R()}/studies/${studyId}`, { headers: ws.users.editor.headers });
    expect(ErasureReportSchema.parse(study.body).surveyAnswers).toBe(1);
    expect(await scores()).toEqual([]);
  });
});
