import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  ErasureReportSchema,
  IdSchema,
  ParticipantCreateSchema,
  ParticipantListSchema,
  ParticipantSchema,
  ParticipantUpdateSchema,
  StudyCreateSchema,
  StudyListSchema,
  StudySchema,
  StudyUpdateSchema,
  roleAllows,
  type Participant as ParticipantRecord,
  type Role,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { createParticipant, updateParticipant } from "../../commands/participantWriter.js";
import { eraseResearchScope } from "../../commands/researchEraser.js";
import { createStudy, updateStudy } from "../../commands/studyWriter.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { getParticipant, listParticipants } from "../../store/researchParticipantStore.js";
import { getStudy, listStudies } from "../../store/researchStudyStore.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const Study = named(StudySchema, "Study");
const Participant = named(ParticipantSchema, "ResearchParticipant");
const ErasureReport = named(ErasureReportSchema, "ResearchErasureReport");
const StudyParams = WorkspaceParams.extend({ studyId: IdSchema });
const ParticipantParams = WorkspaceParams.extend({ participantId: IdSchema });
const studies = "/api/workspaces/{workspaceId}/research/studies";
const participants = "/api/workspaces/{workspaceId}/research/participants";
const tags = ["Research"];

const listStudiesRoute = createRoute({
  method: "get",
  path: studies,
  tags,
  summary: "The workspace's research studies, newest first, with their counts of participants, notes and highlights",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(named(StudyListSchema, "StudyList"), "Studies"), ...errorResponses },
});
const createStudyRoute = createRoute({
  method: "post",
  path: studies,
  tags,
  summary: "Create a study: method, goal, dates, the personas or segment studied and the maps it informs",
  request: { params: WorkspaceParams, ...jsonBody(StudyCreateSchema) },
  responses: { 201: jsonContent(Study, "Created"), ...errorResponses },
});
const getStudyRoute = createRoute({
  method: "get",
  path: `${studies}/{studyId}`,
  tags,
  summary: "One study",
  request: { params: StudyParams },
  responses: { 200: jsonContent(Study, "Study"), ...errorResponses },
});
const updateStudyRoute = createRoute({
  method: "patch",
  path: `${studies}/{studyId}`,
  tags,
  summary: "Change some fields of a study",
  request: { params: StudyParams, ...jsonBody(StudyUpdateSchema) },
  responses: { 200: jsonContent(Study, "Updated"), ...errorResponses },
});
const deleteStudyRoute = createRoute({
  method: "delete",
  path: `${studies}/{studyId}`,
  tags,
  summary: "Delete a study with its participants, notes, highlights and the quotes on maps derived from them",
  request: { params: StudyParams },
  responses: { 200: jsonContent(ErasureReport, "What was removed"), ...errorResponses },
});
const listParticipantsRoute = createRoute({
  method: "get",
  path: participants,
  tags,
  summary: "The workspace's participants (of one study with studyId), by code",
  request: { params: WorkspaceParams, query: z.object({ studyId: IdSchema.optional() }) },
  responses: {
    200: jsonContent(named(ParticipantListSchema, "ResearchParticipantList"), "Participants"),
    ...errorResponses,
  },
});
const createParticipantRoute = createRoute({
  method: "post",
  path: participants,
  tags,
  summary: "Add a pseudonymous participant to a study (personal details apart, consent recorded)",
  request: { params: WorkspaceParams, ...jsonBody(ParticipantCreateSchema) },
  responses: { 201: jsonContent(Participant, "Created"), ...errorResponses },
});
const getParticipantRoute = createRoute({
  method: "get",
  path: `${participants}/{participantId}`,
  tags,
  summary: "One participant",
  request: { params: ParticipantParams },
  responses: { 200: jsonContent(Participant, "Participant"), ...errorResponses },
});
const updateParticipantRoute = createRoute({
  method: "patch",
  path: `${participants}/{participantId}`,
  tags,
  summary: "Change some fields of a participant",
  request: { params: ParticipantParams, ...jsonBody(ParticipantUpdateSchema) },
  responses: { 200: jsonContent(Participant, "Updated"), ...errorResponses },
});
const eraseParticipantRoute = createRoute({
  method: "delete",
  path: `${participants}/{participantId}`,
  tags,
  summary: "Erase a participant: their notes, highlights and every quote on maps derived from them, with the counts",
  request: { params: ParticipantParams },
  responses: { 200: jsonContent(ErasureReport, "What was removed"), ...errorResponses },
});

/** A participant as a role sees it: commenters and viewers read the pseudonymous record, never personal details. */
function asSeenBy(role: Role, participant: ParticipantRecord): ParticipantRecord {
  if (roleAllows(role, "write")) return participant;
  return { ...participant, personal: { name: "", email: "", phone: "", notes: "" }, personalHidden: true };
}

/** Research studies and participants (PRODUCT.md §4.5): members read, editors write, erasure says what it removed. */
export function registerStudyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listStudiesRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json({ studies: await listStudies(services.db, workspaceId) }, 200);
  });

  app.openapi(createStudyRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await createStudy(services, workspaceId, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(getStudyRoute, async (c) => {
    const { workspaceId, studyId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await getStudy(services.db, workspaceId, studyId), 200);
  });

  app.openapi(updateStudyRoute, async (c) => {
    const { workspaceId, studyId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await updateStudy(services, workspaceId, studyId, c.req.valid("json")), 200);
  });

  app.openapi(deleteStudyRoute, async (c) => {
    const { workspaceId, studyId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await eraseResearchScope(services, workspaceId, caller.userId, { studyId }), 200);
  });

  app.openapi(listParticipantsRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const role = await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const { studyId } = c.req.valid("query");
    const found = await listParticipants(services.db, workspaceId, studyId);
    return c.json({ participants: found.map((p) => asSeenBy(role, p)) }, 200);
  });

  app.openapi(createParticipantRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await createParticipant(services, workspaceId, c.req.valid("json")), 201);
  });

  app.openapi(getParticipantRoute, async (c) => {
    const { workspaceId, participantId } = c.req.valid("param");
    const services = c.get("services");
    const role = await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(asSeenBy(role, await getParticipant(services.db, workspaceId, participantId)), 200);
  });

  app.openapi(updateParticipantRoute, async (c) => {
    const { workspaceId, participantId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await updateParticipant(services, workspaceId, participantId, c.req.valid("json")), 200);
  });

  app.openapi(eraseParticipantRoute, async (c) => {
    const { workspaceId, participantId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await eraseResearchScope(services, workspaceId, caller.userId, { participantId }), 200);
  });
}
