import { buildMapFromTemplate, StudyCreateSchema } from "@opencjm/core";
import { uploadSurvey } from "../../commands/surveyImporter.js";
import { createStudy } from "../../commands/studyWriter.js";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const base = (ws: TestWorkspace) => `/api/workspaces/${ws.id}/research`;
const csv = (text: string) => Buffer.from(text).toString("base64");

/** A fresh map and a survey study informing it, by the workspace's owner. */
async function freshStudy(t: TestApp, ws: TestWorkspace) {
  const map = await t.services.maps.create({
    workspaceId: ws.id,
    createdBy: ws.users.owner.id,
    snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
  });
  const study = await createStudy(
    t.services,
    ws.id,
    ws.users.owner.id,
    StudyCreateSchema.parse({ title: "Matrix survey", method: "survey", mapIds: [map.id] }),
  );
  return { map, study };
}

/** Survey responses in the authorisation matrix: editors and owners import and delete, every member reads. */
export const surveyAuthorizationCases: Record<string, AuthorizationCase> = {
  "post /api/workspaces/{workspaceId}/research/surveys/upload": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${base(ws)}/surveys/upload`,
      body: { studyId: (await freshStudy(t, ws)).study.id, fileName: "nps.csv", content: csv("NPS\n9\n") },
    }),
  },
  "post /api/workspaces/{workspaceId}/research/surveys/{surveyId}/mapping": {
    permission: "write",
    build: async (t, ws) => {
      const { study } = await freshStudy(t, ws);
      const uploaded = await uploadSurvey(t.services, ws.id, ws.users.owner.id, {
        studyId: study.id,
        fileName: "nps.csv",
        content: csv("NPS\n9\n"),
      });
      return {
        path: `${base(ws)}/surveys/${uploaded.surveyId}/mapping`,
        body: { questions: [{ column: 0, scale: "nps" }] },
      };
    },
  },
  "get /api/workspaces/{workspaceId}/research/surveys": {
    permission: "read",
    build: async (t, ws) => ({ path: `${base(ws)}/surveys?studyId=${(await freshStudy(t, ws)).study.id}` }),
  },
  "delete /api/workspaces/{workspaceId}/research/surveys/{surveyId}": {
    permission: "write",
    build: async (t, ws) => {
      const { study } = await freshStudy(t, ws);
      const uploaded = await uploadSurvey(t.services, ws.id, ws.users.owner.id, {
        studyId: study.id,
        fileName: "nps.csv",
        content: csv("NPS\n9\n"),
      });
      return { path: `${base(ws)}/surveys/${uploaded.surveyId}` };
    },
  },
  "get /api/workspaces/{workspaceId}/research/maps/{mapId}/surveys": {
    permission: "read",
    build: async (t, ws) => ({ path: `${base(ws)}/maps/${(await freshStudy(t, ws)).map.id}/surveys` }),
  },
};
