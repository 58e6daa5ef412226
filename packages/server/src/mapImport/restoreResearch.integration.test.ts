import { buildMapFromTemplate, MapResearchSchema, ResearchSearchResultSchema } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupWorkspace } from "../mapExport/workspaceBackup.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";
import { restoreWorkspace } from "./restoreWorkspace.js";

describe.each(testDialects)("backup and restore of research on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let stepId: string;
  let participantId: string;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    mapId = map.id;
    stepId = (await t.services.maps.readSnapshot(mapId)).steps[0]!.id;
    const call = async (path: string, body: Record<string, unknown>) => {
      const res = await t.request("POST", `/api/workspaces/${ws.id}/research${path}`, {
        headers: ws.users.editor.headers,
        body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const studyId = await call("/studies", { title: "Diary", method: "diary", mapIds: [mapId] });
    participantId = await call("/participants", { studyId, code: "P09", personal: { name: "Private Person" } });
    const text = "Delivery tracking was useless.";
    const noteId = await call("/notes", { studyId, participantId, text });
    await call("/highlights", {
      noteId,
      start: 0,
      end: text.length,
      tags: ["tracking"],
      anchors: [{ kind: "step", mapId, stepId }],
    });
  });
  afterEach(() => t.dispose());

  const researchOf = async (workspaceId: string, map: string) => {
    const res = await t.request("GET", `/api/workspaces/${workspaceId}/research/maps/${map}`, {
      headers: ws.users.owner.headers,
    });
    return MapResearchSchema.parse(res.body);
  };

  it("restores studies, participants, notes and highlights as a copy, still anchored to the copied map", async () => {
    const backup = JSON.parse(JSON.stringify(await backupWorkspace(t.services.db, ws.id)));
    expect(backup.research.highlights).toHaveLength(1);
    const result = await restoreWorkspace(t.services.db, backup, { ownerId: ws.users.owner.id, newIds: true });
    expect(result.counts.studies).toBe(1);
    const maps = await t.services.maps.list(result.workspaceId);
    const copy = await researchOf(result.workspaceId, maps[0]!.id);
    expect(copy.quotes.map((q) => [q.text, q.participantCode, q.stepId])).toEqual([
      ["Delivery tracking was useless.", "P09", stepId],
    ]);
    expect(copy.onDeletedContent).toEqual([]);
    const search = await t.request("GET", `/api/workspaces/${result.workspaceId}/research/search?tag=tracking`, {
      headers: ws.users.owner.headers,
    });
    expect(ResearchSearchResultSchema.parse(search.body).total).toBe(1);
    // The original is untouched.
    expect((await researchOf(ws.id, mapId)).quotes).toHaveLength(1);
  });

  it("holds nothing of an erased participant in a backup made afterwards", async () => {
    const erased = await t.request("DELETE", `/api/workspaces/${ws.id}/research/participants/${participantId}`, {
      headers: ws.users.editor.headers,
    });
    expect(erased.status).toBe(200);
    const backup = JSON.stringify(await backupWorkspace(t.services.db, ws.id));
    for (const trace of ["Private Person", "P09", "Delivery tracking", participantId])
      expect(backup).not.toContain(trace);
  });
});
