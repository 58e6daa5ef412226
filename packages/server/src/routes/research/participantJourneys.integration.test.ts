import {
  applyMapOperations,
  buildMapFromTemplate,
  ErasureReportSchema,
  MapJourneysSchema,
  ParticipantJourneySchema,
  type MapJourneys,
} from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupWorkspace } from "../../mapExport/workspaceBackup.js";
import { restoreWorkspace } from "../../mapImport/restoreWorkspace.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

describe.each(testDialects)("participant journeys on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let steps: string[];
  let studyId: string;
  let participants: string[];
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
    studyId = (await post("/studies", { title: "Shoe buyers", method: "interview", mapIds: [mapId] })).id;
    participants = [];
    for (const code of ["P01", "P02", "P03"]) participants.push((await post("/participants", { studyId, code })).id);
  });
  afterEach(() => t.dispose());

  const R = () => `/api/workspaces/${ws.id}/research`;
  const post = async (path: string, body: Record<string, unknown>, expected = 201) => {
    const res = await t.request("POST", `${R()}${path}`, { headers: ws.users.editor.headers, body });
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    return res.body as Record<string, unknown> & { id: string };
  };
  const put = (participantId: string, body: unknown) =>
    t.request("PUT", `${R()}/participants/${participantId}/journeys/${mapId}`, {
      headers: ws.users.editor.headers,
      body: body as Record<string, unknown>,
    });
  const aggregated = async (): Promise<MapJourneys> => {
    const res = await t.request("GET", `${R()}/maps/${mapId}/journeys`, { headers: ws.users.viewer.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return MapJourneysSchema.parse(res.body);
  };
  const at = (result: MapJourneys, stepId: string) => result.steps.find((s) => s.stepId === stepId)!;

  /** P01 and P02 enter journeys through the second step; P03 only has a highlight on the third. */
  async function twoEnteredOneHighlighted() {
    const first = await put(participants[0]!, {
      steps: [
        { stepId: steps[0], emotion: 1 },
        { name: "Asked a friend", emotion: 2, note: "her sister runs marathons" },
        { stepId: steps[1], emotion: -2, note: "Не нашёл, где ввести промокод" },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(ParticipantJourneySchema.parse(first.body)).toMatchObject({ source: "entered", participantCode: "P01" });
    expect(
      (
        await put(participants[1]!, {
          steps: [
            { stepId: steps[1], emotion: 3 },
            { name: "asked a  FRIEND", emotion: 0 },
          ],
        })
      ).status,
    ).toBe(200);
    const text = "Paying was a nightmare.";
    const note = await post("/notes", { studyId, participantId: participants[2], text });
    await post("/highlights", {
      noteId: note.id,
      start: 0,
      end: text.length,
      sentiment: -1,
      anchors: [{ kind: "step", mapId, stepId: steps[2] }],
    });
  }

  it("aggregates entered and highlighted journeys: 2 of 3 at a step, their emotion spread, and the steps the map lacks", async () => {
    await twoEnteredOneHighlighted();
    const result = await aggregated();
    expect(result.participants).toBe(3);
    expect(at(result, steps[1]!)).toMatchObject({
      participants: 2,
      participantCodes: ["P01", "P02"],
      emotions: [-2, 3],
      min: -2,
      max: 3,
      mean: 0.5,
      // What P01 wrote on the step of their own journey is shown with the step's participants.
      notes: [{ participantCode: "P01", note: "Не нашёл, где ввести промокод" }],
    });
    expect(at(result, steps[2]!)).toMatchObject({
      participants: 1,
      participantCodes: ["P03"],
      emotions: [-3],
      notes: [],
    });
    expect(result.unmapped).toEqual([
      {
        name: "Asked a friend",
        participants: 2,
        participantCodes: ["P01", "P02"],
        mean: 1,
        afterStepId: steps[0],
      },
    ]);
    const drafted = await t.request("GET", `${R()}/participants/${participants[2]}/journeys/${mapId}`, {
      headers: ws.users.viewer.headers,
    });
    expect(ParticipantJourneySchema.parse(drafted.body)).toMatchObject({
      source: "highlights",
      steps: [{ stepId: steps[2], emotion: -3, missing: false }],
      updatedAt: null,
    });
  });

  it("refuses a journey naming a step the map does not have, or an emotion off the scale, and keeps the one stored", async () => {
    await twoEnteredOneHighlighted();
    const unknown = await put(participants[0]!, {
      steps: [
        { stepId: steps[0], emotion: 0 },
        { stepId: "gone", emotion: 0 },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('steps[1].stepId: no step \\"gone\\" on that map');
    const offScale = await put(participants[0]!, { steps: [{ stepId: steps[0], emotion: 5 }] });
    expect(offScale.status).toBe(400);
    expect(JSON.stringify(offScale.body)).toContain("steps");
    const other = await t.services.maps.create({
      workspaceId: (await buildWorkspace(t.services.db)).id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    const elsewhere = await t.request("PUT", `${R()}/participants/${participants[0]}/journeys/${other.id}`, {
      headers: ws.users.editor.headers,
      body: { steps: [] },
    });
    expect(elsewhere.status).toBe(404);
    expect(at(await aggregated(), steps[1]!).participants).toBe(2);
  });

  it("shows a deleted map step as missing and counts it among the steps the map lacks", async () => {
    await twoEnteredOneHighlighted();
    await t.services.maps.edit(
      mapId,
      (doc) => applyMapOperations(doc, [{ op: "deleteStep", stepId: steps[0]! }]),
      "test",
    );
    const journey = ParticipantJourneySchema.parse(
      (
        await t.request("GET", `${R()}/participants/${participants[0]}/journeys/${mapId}`, {
          headers: ws.users.viewer.headers,
        })
      ).body,
    );
    expect(journey.steps[0]).toMatchObject({ stepId: steps[0], missing: true });
    expect((await aggregated()).unmapped.map((u) => u.participants)).toHaveLength(2);
  });

  it("adds a step participants took to the map after the step most took before it, and counts them there", async () => {
    await twoEnteredOneHighlighted();
    const res = await post(`/maps/${mapId}/journeys/adopt`, { name: "Asked a friend", afterStepId: steps[0] });
    expect(res).toMatchObject({ linked: 2 });
    const snapshot = await t.services.maps.readSnapshot(mapId);
    const index = snapshot.steps.findIndex((s) => s.id === res.stepId);
    expect(snapshot.steps[index]!.name).toBe("Asked a friend");
    expect(snapshot.steps[index - 1]!.id).toBe(steps[0]);
    const result = await aggregated();
    expect(result.unmapped).toEqual([]);
    expect(at(result, res.stepId as string)).toMatchObject({ participants: 2, emotions: [0, 2] });
    const refused = await post(`/maps/${mapId}/journeys/adopt`, { name: "X", afterStepId: "nope" }, 400);
    expect(JSON.stringify(refused)).toContain("afterStepId");
  });

  it("erasing a participant removes their journey and says so; backups carry the others", async () => {
    await twoEnteredOneHighlighted();
    const erased = await t.request("DELETE", `${R()}/participants/${participants[0]}`, {
      headers: ws.users.editor.headers,
    });
    expect(erased.status).toBe(200);
    expect(ErasureReportSchema.parse(erased.body)).toMatchObject({ participants: 1, journeys: 1 });
    const result = await aggregated();
    expect(result.participants).toBe(2);
    expect(at(result, steps[1]!)).toMatchObject({ participants: 1, participantCodes: ["P02"] });

    const backup = JSON.parse(JSON.stringify(await backupWorkspace(t.services.db, ws.id)));
    expect(backup.research.journeySteps).toHaveLength(2);
    expect(JSON.stringify(backup.research)).not.toContain("her sister runs marathons");
    const restored = await restoreWorkspace(t.services.db, backup, { ownerId: ws.users.owner.id, newIds: true });
    const copy = (await t.services.maps.list(restored.workspaceId))[0]!;
    const res = await t.request("GET", `/api/workspaces/${restored.workspaceId}/research/maps/${copy.id}/journeys`, {
      headers: ws.users.owner.headers,
    });
    expect(MapJourneysSchema.parse(res.body).steps.find((s) => s.stepId === steps[1])).toMatchObject({
      participants: 1,
      participantCodes: ["P02"],
    });
  });
});
