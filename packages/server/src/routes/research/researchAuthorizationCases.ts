import {
  buildMapFromTemplate,
  HighlightCreateSchema,
  NoteCreateSchema,
  ParticipantCreateSchema,
  StudyCreateSchema,
} from "@opencjm/core";
import { createHighlight } from "../../commands/highlightWriter.js";
import { createParticipant } from "../../commands/participantWriter.js";
import { createTypedNote } from "../../commands/researchNoteWriter.js";
import { createStudy } from "../../commands/studyWriter.js";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const base = (ws: TestWorkspace) => `/api/workspaces/${ws.id}/research`;

/** A fresh study, with one participant and one note of theirs with one highlight, all by the workspace's owner. */
async function freshResearch(t: TestApp, ws: TestWorkspace) {
  const owner = ws.users.owner.id;
  const study = await createStudy(
    t.services,
    ws.id,
    owner,
    StudyCreateSchema.parse({ title: "Matrix", method: "diary" }),
  );
  const participant = await createParticipant(
    t.services,
    ws.id,
    ParticipantCreateSchema.parse({ studyId: study.id, code: "P01" }),
  );
  const note = await createTypedNote(
    t.services,
    ws.id,
    owner,
    NoteCreateSchema.parse({ studyId: study.id, participantId: participant.id, text: "Delivery was slow." }),
  );
  const highlight = await createHighlight(
    t.services,
    ws.id,
    owner,
    HighlightCreateSchema.parse({ noteId: note.id, start: 0, end: 18 }),
  );
  return { study, participant, note, highlight };
}

const read = (build: AuthorizationCase["build"]): AuthorizationCase => ({ permission: "read", build });
const write = (build: AuthorizationCase["build"]): AuthorizationCase => ({ permission: "write", build });

/** The research repository in the authorisation matrix: members read, editors and owners write, as for maps. */
export const researchAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/research/studies": read(async (t, ws) => {
    await freshResearch(t, ws);
    return { path: `${base(ws)}/studies` };
  }),
  "post /api/workspaces/{workspaceId}/research/studies": write(async (_t, ws) => ({
    path: `${base(ws)}/studies`,
    body: { title: "New study", method: "interview" },
  })),
  "get /api/workspaces/{workspaceId}/research/studies/{studyId}": read(async (t, ws) => ({
    path: `${base(ws)}/studies/${(await freshResearch(t, ws)).study.id}`,
  })),
  "patch /api/workspaces/{workspaceId}/research/studies/{studyId}": write(async (t, ws) => ({
    path: `${base(ws)}/studies/${(await freshResearch(t, ws)).study.id}`,
    body: { goal: "Why do people leave?" },
  })),
  "delete /api/workspaces/{workspaceId}/research/studies/{studyId}": write(async (t, ws) => ({
    path: `${base(ws)}/studies/${(await freshResearch(t, ws)).study.id}`,
  })),
  "get /api/workspaces/{workspaceId}/research/participants": read(async (t, ws) => ({
    path: `${base(ws)}/participants?studyId=${(await freshResearch(t, ws)).study.id}`,
  })),
  "post /api/workspaces/{workspaceId}/research/participants": write(async (t, ws) => ({
    path: `${base(ws)}/participants`,
    body: { studyId: (await freshResearch(t, ws)).study.id, code: "P02" },
  })),
  "get /api/workspaces/{workspaceId}/research/participants/{participantId}": read(async (t, ws) => ({
    path: `${base(ws)}/participants/${(await freshResearch(t, ws)).participant.id}`,
  })),
  "patch /api/workspaces/{workspaceId}/research/participants/{participantId}": write(async (t, ws) => ({
    path: `${base(ws)}/participants/${(await freshResearch(t, ws)).participant.id}`,
    body: { segment: "new customers" },
  })),
  "delete /api/workspaces/{workspaceId}/research/participants/{participantId}": write(async (t, ws) => ({
    path: `${base(ws)}/participants/${(await freshResearch(t, ws)).participant.id}`,
  })),
  "get /api/workspaces/{workspaceId}/research/notes": read(async (t, ws) => ({
    path: `${base(ws)}/notes?studyId=${(await freshResearch(t, ws)).study.id}`,
  })),
  "post /api/workspaces/{workspaceId}/research/notes": write(async (t, ws) => ({
    path: `${base(ws)}/notes`,
    body: { studyId: (await freshResearch(t, ws)).study.id, text: "Observed at the till." },
  })),
  "post /api/workspaces/{workspaceId}/research/notes/upload": write(async (t, ws) => ({
    path: `${base(ws)}/notes/upload`,
    body: {
      studyId: (await freshResearch(t, ws)).study.id,
      fileName: "interview.txt",
      content: Buffer.from("The form was confusing.").toString("base64"),
    },
  })),
  "get /api/workspaces/{workspaceId}/research/notes/{noteId}": read(async (t, ws) => ({
    path: `${base(ws)}/notes/${(await freshResearch(t, ws)).note.id}`,
  })),
  "patch /api/workspaces/{workspaceId}/research/notes/{noteId}": write(async (t, ws) => ({
    path: `${base(ws)}/notes/${(await freshResearch(t, ws)).note.id}`,
    body: { title: "Renamed" },
  })),
  "delete /api/workspaces/{workspaceId}/research/notes/{noteId}": write(async (t, ws) => ({
    path: `${base(ws)}/notes/${(await freshResearch(t, ws)).note.id}`,
  })),
  "get /api/workspaces/{workspaceId}/research/highlights": read(async (t, ws) => ({
    path: `${base(ws)}/highlights?noteId=${(await freshResearch(t, ws)).note.id}`,
  })),
  "post /api/workspaces/{workspaceId}/research/highlights": write(async (t, ws) => ({
    path: `${base(ws)}/highlights`,
    body: { noteId: (await freshResearch(t, ws)).note.id, start: 0, end: 8, tags: ["delivery"] },
  })),
  "get /api/workspaces/{workspaceId}/research/highlights/{highlightId}": read(async (t, ws) => ({
    path: `${base(ws)}/highlights/${(await freshResearch(t, ws)).highlight.id}`,
  })),
  "patch /api/workspaces/{workspaceId}/research/highlights/{highlightId}": write(async (t, ws) => ({
    path: `${base(ws)}/highlights/${(await freshResearch(t, ws)).highlight.id}`,
    body: { sentiment: -0.5 },
  })),
  "delete /api/workspaces/{workspaceId}/research/highlights/{highlightId}": write(async (t, ws) => ({
    path: `${base(ws)}/highlights/${(await freshResearch(t, ws)).highlight.id}`,
  })),
  "get /api/workspaces/{workspaceId}/research/search": read(async (t, ws) => {
    await freshResearch(t, ws);
    return { path: `${base(ws)}/search?q=slow` };
  }),
  "get /api/workspaces/{workspaceId}/research/maps/{mapId}": read(async (t, ws) => {
    return { path: `${base(ws)}/maps/${await createAnyMap(t, ws)}` };
  }),
  "get /api/workspaces/{workspaceId}/research/maps/{mapId}/summary": read(async (t, ws) => {
    return { path: `${base(ws)}/maps/${await createAnyMap(t, ws)}/summary` };
  }),
  "get /api/workspaces/{workspaceId}/research/maps/{mapId}/steps/{stepId}/quotes": read(async (t, ws) => {
    const mapId = await createAnyMap(t, ws);
    const stepId = (await t.services.maps.readSnapshot(mapId)).steps[0]!.id;
    return { path: `${base(ws)}/maps/${mapId}/steps/${stepId}/quotes?limit=10` };
  }),
  "get /api/workspaces/{workspaceId}/research/participants/{participantId}/journeys/{mapId}": read(async (t, ws) => ({
    path: `${base(ws)}/participants/${(await freshResearch(t, ws)).participant.id}/journeys/${await createAnyMap(t, ws)}`,
  })),
  "put /api/workspaces/{workspaceId}/research/participants/{participantId}/journeys/{mapId}": write(async (t, ws) => ({
    path: `${base(ws)}/participants/${(await freshResearch(t, ws)).participant.id}/journeys/${await createAnyMap(t, ws)}`,
    body: { steps: [{ name: "Asked a friend", emotion: 1 }] },
  })),
  "delete /api/workspaces/{workspaceId}/research/participants/{participantId}/journeys/{mapId}": write(
    async (t, ws) => ({
      path: `${base(ws)}/participants/${(await freshResearch(t, ws)).participant.id}/journeys/${await createAnyMap(t, ws)}`,
    }),
  ),
  "get /api/workspaces/{workspaceId}/research/maps/{mapId}/journeys": read(async (t, ws) => ({
    path: `${base(ws)}/maps/${await createAnyMap(t, ws)}/journeys`,
  })),
  "post /api/workspaces/{workspaceId}/research/maps/{mapId}/journeys/adopt": write(async (t, ws) => ({
    path: `${base(ws)}/maps/${await createAnyMap(t, ws)}/journeys/adopt`,
    body: { name: "Asked a friend" },
  })),
};

/** A new map of the workspace, from a template; returns its id. */
async function createAnyMap(t: TestApp, ws: TestWorkspace): Promise<string> {
  const map = await t.services.maps.create({
    workspaceId: ws.id,
    createdBy: ws.users.owner.id,
    snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
  });
  return map.id;
}
